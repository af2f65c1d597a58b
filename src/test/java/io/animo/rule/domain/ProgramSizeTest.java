package io.animo.rule.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

class ProgramSizeTest {

    /** Pieces of RE2 syntax, glued at random: every construct the reader must follow, and its corner cases. */
    private static final String[] PIECES = {"a", "b", "k", "é", "😀", ".", "^", "$", "|", "|", "(", ")", "(?:", "(?i)", "(?i:",
            "(?P<g>", "(?<h>", "*", "+", "?", "*?", "+?", "??", "{7}", "{3,9}", "{0,11}", "{5,}", "(?:a|bc)", "(x?)", "{2}",
            "{0}", "{1}", "{0,}", "{1,}", "{2,}", "{1,3}", "{0,2}", "{2,3}?", "{", "}", ",", "{,2}", "{01}", "[a-z]", "[^a]",
            "[]a]", "[[:alpha:]]", "[\\d\\pL]", "\\d", "\\w", "\\s", "\\pL", "\\p{Greek}", "\\PN", "\\b", "\\B", "\\A", "\\z",
            "\\Qx*\\E", "\\Q\\E", "\\x41", "\\x{263a}", "\\101", "\\0", "\\.", "\\*", "(?s)", "(?m)", "(?U)", "()", "(?:)"};

    @Test
    void neverCountsFewerInstructionsThanRe2jCompiles() {
        Random random = new Random(20261201);
        int valid = 0;
        for (int i = 0; i < 60_000; i++) {
            StringBuilder pattern = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int j = 0; j < pieces; j++) {
                pattern.append(PIECES[random.nextInt(PIECES.length)]);
            }
            int compiled;
            try {
                compiled = Pattern.compile(pattern.toString()).programSize();
            } catch (PatternSyntaxException e) {
                continue;
            }
            valid++;
            long bound = ProgramSize.of(pattern.toString());
            assertTrue(bound >= compiled, pattern + ": bound " + bound + " < " + compiled + " compiled");
        }
        assertTrue(valid > 10_000, "too few valid patterns generated: " + valid);
    }

    @Test
    void realisticPatternsAreCountedClosely() {
        for (String pattern : List.of("\\b(?:\\d[ -]*?){13,16}\\b", "\\+?\\d[\\d\\s().-]{7,}\\d",
                "(?i)[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}", "(?:bit\\.ly|tinyurl\\.com|goo\\.gl)/\\w+", "^\\s*$")) {
            long bound = ProgramSize.of(pattern);
            int compiled = Pattern.compile(pattern, Pattern.CASE_INSENSITIVE).programSize();
            assertTrue(bound >= compiled && bound <= compiled + 20, pattern + ": bound " + bound + ", compiled " + compiled);
        }
    }

    @Test
    void nestedRepetitionMultiplies() {
        // a{1000} is 1,000 instructions, its capture 2 more, all of it 1,000 times, plus FAIL and MATCH
        assertEquals(1_002_002, ProgramSize.of("(a{1000}){1000}"));
        assertEquals(ProgramSize.CAP, ProgramSize.of("((((a{1000}){1000}){1000}){1000}){1000}"), "saturates");
        assertTrue(ProgramSize.of("(?:a|b|c|d|e|f|g|h|i|j){500}") > 5_000);
    }

    @Test
    void malformedPatternsAreLeftToRe2jToExplain() {
        for (String pattern : List.of("(a+", "a)", "*a", "a{1001}", "a{5,2}", "[a-", "(?x)", "a\\")) {
            assertEquals(ProgramSize.MALFORMED, ProgramSize.of(pattern), pattern);
        }
    }
}
