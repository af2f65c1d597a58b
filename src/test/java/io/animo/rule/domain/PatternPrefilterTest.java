package io.animo.rule.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.re2j.Pattern;

/**
 * The prefilter may skip work, never a match: for every pattern and text, the rule set finds a
 * match exactly when RE2/J alone does.
 */
class PatternPrefilterTest {

    private static final List<String> PATTERNS = List.of(
            "(?i)hello", "Hello|", "a|b", "ab+c", "ab*c", "(?:abc)?def", "x{2,3}y", "foo(?:bar|baz)qux",
            "[0-9]{3}-[0-9]{4}", "\\d+\\.\\d+", "[a-c]x", "[^a]b", "\\Qa.b\\E", "\\x41bc", "\\101bc", "kelvin", "ss",
            "(?s)a.b", "^start", "end$", "\\bword\\b", "(a)(b)?c", "(?P<n>xy)z", "[[:alpha:]]q", "\\pLx", "a{0}b",
            "(?:)x", "[\\x{1F4B0}]{2}", "[K]x", "(?:ab|cd)+e", "(?:ab|)e", "a(?i:BC)d", "[\\d.]x", "[.-]y", "\\.com",
            "(?:bit\\.ly|goo\\.gl)/\\w+", "\\b\\d{3}[-. ]?\\d{3}[-. ]?\\d{4}\\b", "[\\w.+-]+@[\\w-]+\\.[\\w.]+",
            "\\b(?:\\d[ -]*?){13,16}\\b", "!{4,}", "\\?{4,}", "\\bwhats?app\\s*[+]?\\d", "a+?b", "(?:x|y){2}z",
            "[\\x{1F4B0}\\x{1F4B5}]{3,}", "q[^u]", "\\\\n", "a\\-b", "é+t", "(?i)STRASSE", "k{2}");

    private static final String ALPHABET = "abcdeklnoqstuxyzABCKS0123456789 .-@/!?+_\\\u212A\u017F\u00E9\uD83D\uDCB0";
    private static final List<String> SNIPPETS = List.of("hello", "HELLO", "abc", "abbc", "ac", "def", "xxy", "xxxy",
            "foobarqux", "555-1234", "1.5", "bx", "ab", "a.b", "Abc", "kelvin", "\u212Aelvin", "\u017Fs", "start", "end",
            " word ", "xyz", "aq", "bx", "b", "x", "\uD83D\uDCB0\uD83D\uDCB0", "kx", "\u212Ax", "ababe", "e", "aBcd",
            "1x", ".y", ".com", "bit.ly/x", "555 123 4567", "a@b.co", "4111 1111 1111 1111", "!!!!", "????",
            "whatsapp +1", "aab", "xyz", "qa", "\\n", "a-b", "ét", "strasse", "STRA\u017F\u017FE", "kk", "\u212A\u212A");

    @Test
    void prefilteredRulesFindExactlyWhatRe2jFinds() {
        Random random = new Random(7);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder text = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                for (int k = random.nextInt(8); k > 0; k--) {
                    text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                if (random.nextBoolean()) {
                    text.append(SNIPPETS.get(random.nextInt(SNIPPETS.size())));
                }
            }
            texts.add(text.toString());
        }
        texts.addAll(SNIPPETS);
        for (String pattern : PATTERNS) {
            Pattern plain = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE);
            CompiledRuleSet rules = CompiledRuleSet.compile(List.of(RuleEngineTest.rule(MatcherKind.REGEX, RuleAction.FLAG)
                    .pattern(pattern).build()));
            for (String text : texts) {
                boolean expected = plain.matcher(text).find();
                boolean actual = !rules.evaluate(text, PostingContext.UNKNOWN).hits().isEmpty();
                assertEquals(expected, actual, () -> "pattern " + pattern + " on \"" + text + "\"");
            }
        }
    }
}
