package io.animo.rule.domain;

/**
 * An upper bound on the number of instructions RE2/J compiles a pattern into, read from the pattern
 * text alone, so a pattern too big to keep or to run can be refused before anything is compiled.
 * RE2/J matches in time linear in the text, but its program grows with counted repetition
 * multiplied through nesting ({@code ((a{1000}){1000}){1000}} is a billion instructions: minutes of
 * compiling and gigabytes), and matching costs text length times program size.
 * <p>
 * The counts mirror RE2/J 1.8's parser (what is a repetition, what is a literal) and its
 * simplifier and compiler ({@code x{n,m}} becomes n copies of x and m - n nested {@code x?}); the
 * parser's own rewrites only ever shrink the program, so this never counts too few. A test checks
 * the bound against {@code Pattern.programSize()} on thousands of random patterns. Arithmetic
 * saturates, whatever the nesting. Syntax RE2/J would refuse is left for {@code Pattern.compile}
 * to report; this only reads it far enough to count.
 */
final class ProgramSize {

    /** Saturation point: far above any limit, far below overflow. */
    static final long CAP = 1L << 40;
    /** RE2/J refuses a repetition count above this. */
    static final int MAX_REPEAT = 1_000;

    private final String pattern;
    private int position;
    /** Code points of a {@code \Q...\E} run before its last one, which alone takes a following quantifier. */
    private long quotedPrefix;

    private ProgramSize(String pattern) {
        this.pattern = pattern;
    }

    /** Returned for a pattern RE2/J refuses while parsing (so it never builds a program): compile it for the message. */
    static final long MALFORMED = -1;

    /** The bound (at most {@link #CAP}), or {@link #MALFORMED}. */
    static long of(String pattern) {
        try {
            ProgramSize reader = new ProgramSize(pattern);
            long body = reader.alternation();
            if (reader.position != pattern.length()) {
                return MALFORMED; // a ')' that closes nothing
            }
            return saturate(body + 2); // the FAIL instruction at pc 0 and the final MATCH
        } catch (Malformed e) {
            return MALFORMED;
        }
    }

    private static final class Malformed extends RuntimeException {
        Malformed() {
            super(null, null, false, false);
        }
    }

    private long alternation() {
        long sum = sequence();
        int branches = 1;
        while (peek() == '|') {
            position++;
            sum = saturate(sum + sequence());
            branches++;
        }
        return saturate(sum + branches - 1); // one ALT instruction between two branches
    }

    private long sequence() {
        long sum = 0;
        long last = -1; // the atom a following quantifier applies to; -1 before the first
        while (position < pattern.length() && peek() != '|' && peek() != ')') {
            quotedPrefix = 0;
            long atom = atom();
            if (atom >= 0) {
                if (last >= 0) {
                    sum = saturate(sum + last);
                }
                sum = saturate(sum + quotedPrefix);
                last = atom;
            }
            // a flag group or an empty \Q\E adds no atom: a quantifier after it applies to the one before
            if (last >= 0) {
                last = quantifiers(last);
            } else if (isQuantifier(peek())) {
                throw new Malformed(); // "missing argument to repetition operator"
            }
        }
        if (last >= 0) {
            sum = saturate(sum + last);
        }
        return last < 0 ? 1 : sum; // an empty sequence is one NOP
    }

    private long quantifiers(long atom) {
        long size = atom;
        while (position < pattern.length()) {
            char c = peek();
            if (c == '*') {
                position++;
                size = saturate(size + 2); // +1, or +2 when the atom can match the empty string
            } else if (c == '+' || c == '?') {
                position++;
                size = saturate(size + 1);
            } else if (c == '{') {
                int[] counts = repeat();
                if (counts == null) {
                    break; // not a repetition: the '{' is a literal and the next atom
                }
                size = repeated(size, counts[0], counts[1]);
            } else {
                break;
            }
            if (peek() == '?') {
                position++; // non-greedy: same size
            }
        }
        return size;
    }

    /** {@code x{min,max}} ({@code max} -1: unbounded) as RE2/J's simplifier expands it. */
    private static long repeated(long x, int min, int max) {
        if (max == -1) {
            return min == 0 ? saturate(x + 2) : saturate(times(min, x) + 1);
        }
        if (max == 0) {
            return 1;
        }
        return saturate(times(min, x) + times(max - min, x + 1));
    }

    /** {@code {n}}, {@code {n,}} or {@code {n,m}} exactly as RE2/J reads them (no leading zeros); null when the '{' is a literal. */
    private int[] repeat() {
        int at = position + 1;
        int minEnd = digits(at);
        if (!isNumber(at, minEnd) || minEnd >= pattern.length()) {
            return null;
        }
        int min = number(at, minEnd);
        int max = min;
        int end = minEnd;
        if (pattern.charAt(end) == ',') {
            end++;
            if (end >= pattern.length()) {
                return null;
            }
            if (pattern.charAt(end) == '}') {
                max = -1;
            } else {
                int maxEnd = digits(end);
                if (!isNumber(end, maxEnd)) {
                    return null;
                }
                max = number(end, maxEnd);
                end = maxEnd;
            }
        }
        if (end >= pattern.length() || pattern.charAt(end) != '}') {
            return null;
        }
        if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && min > max)) {
            throw new Malformed(); // "invalid repeat count"
        }
        position = end + 1;
        return new int[]{min, max};
    }

    private int digits(int from) {
        int end = from;
        while (end < pattern.length() && pattern.charAt(end) >= '0' && pattern.charAt(end) <= '9') {
            end++;
        }
        return end;
    }

    private boolean isNumber(int from, int end) {
        return end > from && !(end - from > 1 && pattern.charAt(from) == '0');
    }

    private int number(int from, int end) {
        // more than 8 digits is a syntax error in RE2/J; anything that long is over the limit anyway
        return end - from > 8 ? MAX_REPEAT + 1 : Integer.parseInt(pattern, from, end, 10);
    }

    /** Size of the next atom, or -1 for something that adds none ({@code (?i)}, an empty {@code \Q\E}). */
    private long atom() {
        char c = peek();
        switch (c) {
            case '(' -> {
                return group();
            }
            case '[' -> {
                skipClass();
                return 1;
            }
            case '\\' -> {
                return escape();
            }
            case '*', '+', '?' -> throw new Malformed(); // "missing argument to repetition operator"
            default -> {
                position += Character.charCount(pattern.codePointAt(position));
                return 1; // a literal, '.', '^', '$' or a '{' that starts no repetition
            }
        }
    }

    private long group() {
        if (!pattern.startsWith("(?", position)) {
            position++;
            return capture(2);
        }
        if (pattern.startsWith("(?P<", position) || pattern.startsWith("(?<", position)) {
            int close = pattern.indexOf('>', position);
            if (close < 0) {
                throw new Malformed();
            }
            position = close + 1;
            return capture(2);
        }
        int end = position + 2;
        while (end < pattern.length() && "imsU-".indexOf(pattern.charAt(end)) >= 0) {
            end++;
        }
        if (end >= pattern.length()) {
            throw new Malformed();
        }
        if (pattern.charAt(end) == ')') {
            position = end + 1;
            return -1; // (?flags): changes how what follows matches, compiles to nothing
        }
        if (pattern.charAt(end) == ':') {
            position = end + 1;
            return capture(0);
        }
        throw new Malformed();
    }

    /** The group's body and its closing parenthesis; {@code extra}: 2 for the capture instructions of a capturing group. */
    private long capture(int extra) {
        long inside = alternation();
        if (peek() != ')') {
            throw new Malformed();
        }
        position++;
        return saturate(inside + extra);
    }

    private long escape() {
        if (position + 1 >= pattern.length()) {
            throw new Malformed();
        }
        if (pattern.charAt(position + 1) == 'Q') {
            int close = pattern.indexOf("\\E", position + 2);
            int end = close < 0 ? pattern.length() : close;
            long quoted = pattern.codePointCount(position + 2, end);
            position = close < 0 ? pattern.length() : close + 2;
            if (quoted == 0) {
                return -1;
            }
            quotedPrefix = quoted - 1;
            return 1;
        }
        skipEscape();
        return 1; // \d \w \pL \p{Greek} \b \A \z \x41 \x{1F600} \0 \n ...: one instruction each
    }

    private void skipEscape() {
        char c = pattern.charAt(position + 1);
        boolean braced = position + 2 < pattern.length() && pattern.charAt(position + 2) == '{';
        if ((c == 'p' || c == 'P' || c == 'x') && braced) {
            int close = pattern.indexOf('}', position);
            if (close < 0) {
                throw new Malformed();
            }
            position = close + 1;
        } else if (c == 'x') {
            position += 4;
        } else if (c >= '0' && c <= '7') {
            position += 2;
            for (int i = 1; i < 3 && position < pattern.length() && peek() >= '0' && peek() <= '7'; i++) {
                position++;
            }
        } else {
            position += 1 + Character.charCount(pattern.codePointAt(position + 1));
        }
        position = Math.min(position, pattern.length());
    }

    /** A character class is one instruction whatever it holds; this only finds where it ends. */
    private void skipClass() {
        position++;
        if (peek() == '^') {
            position++;
        }
        boolean first = true;
        while (true) {
            if (position >= pattern.length()) {
                throw new Malformed();
            }
            char c = peek();
            if (c == ']' && !first) {
                position++;
                return;
            }
            first = false;
            if (pattern.startsWith("[:", position)) {
                int close = pattern.indexOf(":]", position);
                if (close >= 0) {
                    position = close + 2;
                    continue;
                }
            }
            if (c == '\\') {
                if (position + 1 >= pattern.length()) {
                    throw new Malformed();
                }
                skipEscape();
                continue;
            }
            position += Character.charCount(pattern.codePointAt(position));
        }
    }

    private static boolean isQuantifier(char c) {
        return c == '*' || c == '+' || c == '?';
    }

    private char peek() {
        return position < pattern.length() ? pattern.charAt(position) : '\0';
    }

    private static long saturate(long value) {
        return Math.min(value, CAP);
    }

    private static long times(long count, long size) {
        return count != 0 && size > CAP / count ? CAP : saturate(count * size);
    }
}
