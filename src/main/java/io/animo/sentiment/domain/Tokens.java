package io.animo.sentiment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a text into what the analyser looks up: words (French elisions such as {@code n'} and {@code l'} become
 * words of their own; English contractions such as {@code don't} stay whole), emoticons written with punctuation
 * ({@code :-)}, {@code <3}), and emoji one by one.
 */
final class Tokens {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final int VARIATION_SELECTOR = 0xFE0F;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final java.util.Set<String> ELISIONS = java.util.Set.of("c'", "d'", "j'", "l'", "m'", "n'", "s'", "t'",
            "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'");

    private Tokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        for (String chunk : WHITESPACE.split(text)) {
            if (chunk.isEmpty()) {
                continue;
            }
            if (!hasLetterDigitOrEmoji(chunk)) {
                tokens.add(Token.of(chunk, false)); // an emoticon, or punctuation that will find no valence
                continue;
            }
            split(chunk, tokens);
        }
        return tokens;
    }

    private static boolean hasLetterDigitOrEmoji(String chunk) {
        for (int i = 0; i < chunk.length();) {
            int c = chunk.codePointAt(i);
            if (Character.isLetterOrDigit(c) || isEmoji(c)) {
                return true;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    /** Whether the text shouts: most of its words are written in capitals. */
    static boolean isShouting(List<Token> tokens) {
        long words = tokens.stream().filter(token -> !token.emoji() && token.text().length() > 1).count();
        long capitals = tokens.stream().filter(Token::capitals).count();
        return words > 0 && capitals * 5 >= words * 4;
    }

    private static void split(String chunk, List<Token> tokens) {
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < chunk.length()) {
            int c = chunk.codePointAt(i);
            i += Character.charCount(c);
            if (isEmoji(c)) {
                flush(word, tokens);
                tokens.add(Token.of(new String(Character.toChars(c)), true));
            } else if (Character.isLetterOrDigit(c) || c == '-' && word.length() > 0) {
                word.appendCodePoint(c);
            } else if ((c == '\'' || c == '\u2019') && word.length() > 0) {
                word.append('\'');
                if (ELISIONS.contains(word.toString().toLowerCase(java.util.Locale.ROOT))) {
                    flush(word, tokens); // a French elision is a word of its own: l', d', n', qu'
                } // else an English contraction goes on: don't, it's
            } else if (c != VARIATION_SELECTOR && c != ZERO_WIDTH_JOINER) {
                flush(word, tokens);
            }
        }
        flush(word, tokens);
    }

    private static void flush(StringBuilder word, List<Token> tokens) {
        while (word.length() > 0 && word.charAt(word.length() - 1) == '-') {
            word.setLength(word.length() - 1);
        }
        if (word.length() > 0) {
            tokens.add(Token.of(word.toString(), false));
            word.setLength(0);
        }
    }

    static boolean isEmoji(int c) {
        return c >= 0x1F000 && c <= 0x1FAFF || c >= 0x2600 && c <= 0x27BF || c >= 0x2B00 && c <= 0x2BFF
                || c == 0x2764 || c >= 0x2190 && c <= 0x21FF && Character.getType(c) == Character.OTHER_SYMBOL;
    }
}

/** One token: as written, its lookup key, whether it is an emoji, whether it is written in capitals. */
record Token(String text, String key, boolean emoji, boolean capitals) {

    static Token of(String text, boolean emoji) {
        return new Token(text, Lexicon.key(text), emoji, !emoji && inCapitals(text));
    }

    /** At least two letters, all of them capitals. */
    private static boolean inCapitals(String text) {
        int letters = 0;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
            i += Character.charCount(c);
        }
        return letters > 1;
    }
}
