package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Literal strings at least one of which appears (lower-cased) in every text a regular expression
 * can match, found by reading the pattern conservatively: {@code \bwhats?app\s*\d} needs "what",
 * {@code (?:buy|cheap)\s+likes} needs "likes". A message that contains none of a pattern's
 * literals cannot match it, so the pattern is not run. When in doubt (a construct this reader does
 * not follow), the answer is empty and the pattern always runs: a prefilter may only ever skip work,
 * never a match.
 */
final class RequiredLiterals {

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String pattern;
    private int position;

    private RequiredLiterals(String pattern) {
        this.pattern = pattern;
    }

    static Optional<Set<String>> of(String pattern) {
        try {
            RequiredLiterals reader = new RequiredLiterals(pattern);
            Node tree = reader.alternation();
            if (reader.position != pattern.length()) {
                return Optional.empty();
            }
            return tree.required().filter(set -> set.stream().noneMatch(String::isEmpty));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Lower-cases like RE2's case-insensitive matching does for ASCII letters (Kelvin sign, long s included). */
    static String foldForPrefilter(String text) {
        char[] folded = new char[text.length()];
        for (int i = 0; i < folded.length; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                folded[i] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            } else if (c == '\u212A') {
                folded[i] = 'k';
            } else if (c == '\u017F') {
                folded[i] = 's';
            } else {
                folded[i] = c;
            }
        }
        return new String(folded);
    }

    // ---- a tiny parser of the subset that matters; everything else is "other" or unsupported ----

    private interface Node {
        Optional<Set<String>> required();
    }

    private record Alternation(List<Node> branches) implements Node {
        public Optional<Set<String>> required() {
            Set<String> union = new HashSet<>();
            for (Node branch : branches) {
                Optional<Set<String>> literals = branch.required();
                if (literals.isEmpty()) {
                    return Optional.empty();
                }
                union.addAll(literals.get());
            }
            return Optional.of(union);
        }
    }

    /** One item of a sequence with its repetition. {@code literal} is set for a single ASCII character. */
    private record Item(Character literal, Node group, boolean zeroWidth, int min, int max) {
    }

    private record Sequence(List<Item> items) implements Node {
        public Optional<Set<String>> required() {
            List<Set<String>> candidates = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            for (Item item : items) {
                if (item.literal() != null && item.min() >= 1) {
                    run.append(item.literal());
                    if (item.max() != 1 || item.min() != 1) {
                        flush(run, candidates);
                    }
                    continue;
                }
                flush(run, candidates);
                if (item.group() != null && item.min() >= 1) {
                    item.group().required().ifPresent(candidates::add);
                }
            }
            flush(run, candidates);
            return candidates.stream().max((a, b) -> Integer.compare(shortest(a), shortest(b)));
        }

        private static void flush(StringBuilder run, List<Set<String>> candidates) {
            if (!run.isEmpty()) {
                candidates.add(Set.of(run.toString()));
                run.setLength(0);
            }
        }

        private static int shortest(Set<String> set) {
            return set.stream().mapToInt(String::length).min().orElse(0);
        }
    }

    /** One character out of a small known set, e.g. \\d or [0-9a-f]: any match contains one of them. */
    private record CharSet(Set<String> chars) implements Node {
        public Optional<Set<String>> required() {
            return Optional.of(chars);
        }
    }

    private static final Set<String> DIGITS = Set.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final int MAX_CLASS_SIZE = 64;

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private Node alternation() {
        List<Node> branches = new ArrayList<>();
        branches.add(sequence());
        while (peek() == '|') {
            position++;
            branches.add(sequence());
        }
        return branches.size() == 1 ? branches.get(0) : new Alternation(branches);
    }

    private Node sequence() {
        List<Item> items = new ArrayList<>();
        while (position < pattern.length() && peek() != '|' && peek() != ')') {
            Item atom = atom();
            if (atom == null) {
                continue;
            }
            int[] repeat = repetition();
            items.add(new Item(atom.literal(), atom.group(), atom.zeroWidth(), repeat[0], repeat[1]));
        }
        return new Sequence(items);
    }

    /** The next atom, or null for a flag group like (?i) that matches nothing itself. */
    private Item atom() {
        char c = pattern.charAt(position++);
        switch (c) {
            case '(' -> {
                if (pattern.startsWith("?:", position)) {
                    position += 2;
                } else if (pattern.startsWith("?P<", position) || pattern.startsWith("?<", position)) {
                    int close = pattern.indexOf('>', position);
                    if (close < 0) {
                        throw new Unsupported();
                    }
                    position = close + 1;
                } else if (peek() == '?') {
                    return flags();
                }
                Node inner = alternation();
                expect(')');
                return new Item(null, inner, false, 1, 1);
            }
            case '[' -> {
                int start = position;
                skipClass();
                Set<String> chars = simpleClass(pattern.substring(start, position - 1));
                return chars == null ? other() : new Item(null, new CharSet(chars), false, 1, 1);
            }
            case '\\' -> {
                return escape();
            }
            case '.' -> {
                return other();
            }
            case '^', '$' -> {
                return new Item(null, null, true, 1, 1);
            }
            case '*', '+', '?', '{', ')', '|' -> throw new Unsupported();
            default -> {
                return c < 128 ? literal(c) : other();
            }
        }
    }

    /** (?flags) or (?flags:...) */
    private Item flags() {
        int end = position;
        while (end < pattern.length() && pattern.charAt(end) != ')' && pattern.charAt(end) != ':') {
            end++;
        }
        if (end >= pattern.length()) {
            throw new Unsupported();
        }
        boolean scoped = pattern.charAt(end) == ':';
        position = end + 1;
        if (!scoped) {
            return null;
        }
        Node inner = alternation();
        expect(')');
        return new Item(null, inner, false, 1, 1);
    }

    private Item escape() {
        if (position >= pattern.length()) {
            throw new Unsupported();
        }
        char c = pattern.charAt(position++);
        if (c == 'b' || c == 'B' || c == 'A' || c == 'z') {
            return new Item(null, null, true, 1, 1);
        }
        if (c == 'Q' || Character.isDigit(c)) {
            // quoted text and octal escapes: not worth reading, the pattern simply always runs
            throw new Unsupported();
        }
        if (c == 'p' || c == 'P' || c == 'x') {
            if (peek() == '{') {
                int close = pattern.indexOf('}', position);
                if (close < 0) {
                    throw new Unsupported();
                }
                position = close + 1;
            } else {
                position += c == 'x' ? 2 : 1;
            }
            return other();
        }
        if (c == 'd') {
            return new Item(null, new CharSet(DIGITS), false, 1, 1);
        }
        if (Character.isLetterOrDigit(c)) {
            return other();
        }
        return c < 128 ? literal(c) : other();
    }

    private void skipClass() {
        if (peek() == '^') {
            position++;
        }
        if (peek() == ']') {
            position++;
        }
        while (position < pattern.length()) {
            char c = pattern.charAt(position++);
            if (c == '\\') {
                position++;
            } else if (c == '[' && peek() == ':') {
                int close = pattern.indexOf(":]", position);
                if (close < 0) {
                    throw new Unsupported();
                }
                position = close + 2;
            } else if (c == ']') {
                return;
            }
        }
        throw new Unsupported();
    }

    /**
     * The characters of a plain positive class such as {@code [0-9a-f]} or {@code [\\x{1F4B0}$]},
     * lower-cased; null for anything this reader does not follow (negation, \\w, named classes,
     * letters outside ASCII, more than {@link #MAX_CLASS_SIZE} characters).
     */
    private static Set<String> simpleClass(String body) {
        if (body.isEmpty() || body.startsWith("^") || body.contains("[:")) {
            return null;
        }
        Set<String> chars = new HashSet<>();
        int i = 0;
        while (i < body.length()) {
            int c;
            char at = body.charAt(i);
            if (at == '\\') {
                if (i + 1 >= body.length()) {
                    return null;
                }
                char e = body.charAt(i + 1);
                if (e == 'd') {
                    chars.addAll(DIGITS);
                    i += 2;
                    continue;
                }
                if (e == 'x' && i + 2 < body.length() && body.charAt(i + 2) == '{') {
                    int close = body.indexOf('}', i);
                    if (close < 0) {
                        return null;
                    }
                    c = Integer.parseInt(body.substring(i + 3, close), 16);
                    i = close + 1;
                } else if (!Character.isLetterOrDigit(e) && e < 128) {
                    c = e;
                    i += 2;
                } else {
                    return null;
                }
            } else {
                c = body.codePointAt(i);
                i += Character.charCount(c);
            }
            if (i + 1 < body.length() && body.charAt(i) == '-') {
                char to = body.charAt(i + 1);
                if (to == '\\' || c >= 128 || to >= 128 || to < c || to - c > MAX_CLASS_SIZE) {
                    return null;
                }
                for (int x = c; x <= to; x++) {
                    if (!addCaseless(chars, x)) {
                        return null;
                    }
                }
                i += 2;
            } else if (!addCaseless(chars, c)) {
                return null;
            }
            if (chars.size() > MAX_CLASS_SIZE) {
                return null;
            }
        }
        return chars;
    }

    /** ASCII characters lower-cased; other characters only when they have no case at all. */
    private static boolean addCaseless(Set<String> chars, int c) {
        if (c < 128) {
            chars.add(String.valueOf(Character.toLowerCase((char) c)));
            return true;
        }
        if (Character.toLowerCase(c) != c || Character.toUpperCase(c) != c || Character.toTitleCase(c) != c) {
            return false;
        }
        chars.add(new String(Character.toChars(c)));
        return true;
    }

    /** {min, max} of the quantifier after an atom; a lazy '?' suffix changes nothing here. */
    private int[] repetition() {
        int min = 1;
        int max = 1;
        char c = peek();
        if (c == '*' || c == '+' || c == '?') {
            position++;
            min = c == '+' ? 1 : 0;
            max = c == '?' ? 1 : UNBOUNDED;
        } else if (c == '{' && isCounted()) {
            int close = pattern.indexOf('}', position);
            String[] bounds = pattern.substring(position + 1, close).split(",", -1);
            min = Integer.parseInt(bounds[0]);
            max = bounds.length == 1 ? min : bounds[1].isEmpty() ? UNBOUNDED : Integer.parseInt(bounds[1]);
            position = close + 1;
        } else {
            return new int[]{min, max};
        }
        if (peek() == '?' || peek() == '+') {
            position++;
        }
        if (peek() == '*' || peek() == '+' || peek() == '?' || peek() == '{') {
            throw new Unsupported();
        }
        return new int[]{min, max};
    }

    private boolean isCounted() {
        int close = pattern.indexOf('}', position);
        return close > position + 1 && pattern.substring(position + 1, close).matches("\\d+(,\\d*)?");
    }

    private Item literal(char c) {
        return new Item(Character.toLowerCase(c), null, false, 1, 1);
    }

    private static Item other() {
        return new Item(null, null, false, 1, 1);
    }

    private char peek() {
        return position < pattern.length() ? pattern.charAt(position) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new Unsupported();
        }
        position++;
    }
}
