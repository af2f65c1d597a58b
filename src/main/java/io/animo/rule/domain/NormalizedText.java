package io.animo.rule.domain;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text as the keyword matcher sees it, so spelling tricks do not evade a rule: compatibility forms
 * folded (NFKC/NFKD), accents removed, lower case, look-alike letters from other scripts and
 * leetspeak digits mapped to Latin letters, and runs of the same letter collapsed to one (with
 * the run length kept, so "ass" is not confused with "as"). Every character remembers where it
 * came from in the original text, so a match can be reported as a span of what the member wrote.
 */
final class NormalizedText {

    private static final Map<Character, Character> LOOK_ALIKES = Map.ofEntries(
            // Cyrillic
            Map.entry('а', 'a'), Map.entry('в', 'b'), Map.entry('е', 'e'), Map.entry('ё', 'e'), Map.entry('к', 'k'),
            Map.entry('м', 'm'), Map.entry('н', 'h'), Map.entry('о', 'o'), Map.entry('р', 'p'), Map.entry('с', 'c'),
            Map.entry('т', 't'), Map.entry('у', 'y'), Map.entry('х', 'x'), Map.entry('і', 'i'), Map.entry('ї', 'i'),
            Map.entry('ј', 'j'), Map.entry('ѕ', 's'), Map.entry('ԁ', 'd'), Map.entry('һ', 'h'), Map.entry('ԛ', 'q'),
            Map.entry('ԝ', 'w'),
            // Greek
            Map.entry('α', 'a'), Map.entry('β', 'b'), Map.entry('ε', 'e'), Map.entry('η', 'n'), Map.entry('ι', 'i'),
            Map.entry('κ', 'k'), Map.entry('ν', 'v'), Map.entry('ο', 'o'), Map.entry('ρ', 'p'), Map.entry('τ', 't'),
            Map.entry('υ', 'u'), Map.entry('χ', 'x'), Map.entry('ω', 'w'),
            // Latin variants NFKD leaves alone
            Map.entry('ı', 'i'), Map.entry('ł', 'l'), Map.entry('ø', 'o'), Map.entry('đ', 'd'), Map.entry('ß', 's'),
            Map.entry('ɡ', 'g'), Map.entry('ɑ', 'a'));

    private static final Map<Character, Character> LEET = Map.ofEntries(
            Map.entry('0', 'o'), Map.entry('1', 'i'), Map.entry('3', 'e'), Map.entry('4', 'a'), Map.entry('5', 's'),
            Map.entry('7', 't'), Map.entry('8', 'b'), Map.entry('9', 'g'), Map.entry('@', 'a'), Map.entry('$', 's'),
            Map.entry('€', 'e'));

    /** Collapsed text: one character per run. */
    final String text;
    /** Length of the run each character of {@link #text} stands for. */
    final int[] runs;
    /** Start (inclusive) and end (exclusive) in the original text of each character of {@link #text}. */
    final int[] originStart;
    final int[] originEnd;

    private NormalizedText(String text, int[] runs, int[] originStart, int[] originEnd) {
        this.text = text;
        this.runs = runs;
        this.originStart = originStart;
        this.originEnd = originEnd;
    }

    static NormalizedText of(String raw) {
        int capacity = raw.length() + 16;
        StringBuilder out = new StringBuilder(capacity);
        int[] runs = new int[capacity];
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        int length = 0;
        int i = 0;
        while (i < raw.length()) {
            int codePoint = raw.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            if (codePoint < 0x80) {
                length = append(out, map((char) codePoint), length, runs, starts, ends, i, next);
                if (length < 0) {
                    length = -length;
                    runs = grow(runs);
                    starts = grow(starts);
                    ends = grow(ends);
                    length = append(out, map((char) codePoint), length, runs, starts, ends, i, next);
                }
            } else {
                String folded = fold(codePoint);
                for (int k = 0; k < folded.length(); k++) {
                    if (length + 1 >= runs.length) {
                        runs = grow(runs);
                        starts = grow(starts);
                        ends = grow(ends);
                    }
                    length = append(out, map(folded.charAt(k)), length, runs, starts, ends, i, next);
                }
            }
            i = next;
        }
        return new NormalizedText(out.toString(), runs, starts, ends);
    }

    /**
     * Appends one normalized character (merging it into the previous run when it repeats a letter)
     * and returns the new length; a negative result means the arrays are full (grow, then retry).
     */
    private static int append(StringBuilder out, char c, int length, int[] runs, int[] starts, int[] ends, int from,
            int to) {
        if (c == 0) {
            return length;
        }
        if (length > 0 && out.charAt(length - 1) == c && Character.isLetter(c)) {
            runs[length - 1]++;
            ends[length - 1] = to;
            return length;
        }
        if (length == runs.length) {
            return -length;
        }
        out.append(c);
        runs[length] = 1;
        starts[length] = from;
        ends[length] = to;
        return length + 1;
    }

    private static String fold(int codePoint) {
        return Normalizer.normalize(new String(Character.toChars(codePoint)), Normalizer.Form.NFKD);
    }

    private static final char[] ASCII = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            char lower = Character.toLowerCase(c);
            Character leet = LEET.get(lower);
            ASCII[c] = leet != null ? leet : lower;
        }
    }

    /** The normalized character, or 0 to drop it (combining marks, invisible format characters). */
    private static char map(char c) {
        if (c < 128) {
            return ASCII[c];
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return 0;
        }
        char lower = Character.toLowerCase(c);
        Character alike = LOOK_ALIKES.get(lower);
        if (alike != null) {
            return alike;
        }
        Character leet = LEET.get(lower);
        return leet != null ? leet : lower;
    }

    private static int[] grow(int[] array) {
        int[] bigger = new int[array.length * 2];
        System.arraycopy(array, 0, bigger, 0, array.length);
        return bigger;
    }
}
