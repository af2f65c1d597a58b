package io.animo.sentiment.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a text into what the analyser looks up: words (French elisions such as {@code n'} and {@code l'} become
 * words of their own; English contractions such as {@code don't} stay whole), emoticons written with punctuation
 * ({@code :-)}, {@code <3}), and emoji one by one.
 */
final class Tokens {

    private static final int VARIATION_SELECTOR = 0xFE0F;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final java.util.Set<String> ELISIONS = java.util.Set.of("c'", "d'", "j'", "l'", "m'", "n'", "s'", "t'",
            "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'");

    private Tokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        for (String chunk : text.split("\\s+")) {
            if (chunk.isEmpty()) {
                continue;
            }
            if (chunk.codePoints().noneMatch(c -> Character.isLetterOrDigit(c) || isEmoji(c))) {
                tokens.add(Token.of(chunk, false)); // an emoticon, or punctuation that will find no valence
                continue;
            }
            split(chunk, tokens);
        }
        return tokens;
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
        long letters = text.codePoints().filter(Character::isLetter).count();
        boolean capitals = !emoji && letters > 1 && text.codePoints().filter(Character::isLetter)
                .allMatch(Character::isUpperCase);
        return new Token(text, Lexicon.key(text), emoji, capitals);
    }
}
