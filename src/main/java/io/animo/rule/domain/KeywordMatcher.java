package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Every keyword of every keyword rule of a rule set in one Aho-Corasick automaton (a double-array
 * trie: no boxing, no hashing per character): one pass over the normalized text, whatever the
 * number of keywords. Matches are whole words only, so "class" does not trip a rule on "ass".
 */
final class KeywordMatcher {

    private record Entry(int rule, String keyword, int[] runs) {
    }

    private final AhoCorasickDoubleArrayTrie<List<Entry>> trie;

    private KeywordMatcher(AhoCorasickDoubleArrayTrie<List<Entry>> trie) {
        this.trie = trie;
    }

    /** {@code keywordsByRule.get(i)} are the keywords of rule {@code i}. */
    static KeywordMatcher of(List<List<String>> keywordsByRule) {
        Map<String, List<Entry>> byCollapsed = new TreeMap<>();
        for (int rule = 0; rule < keywordsByRule.size(); rule++) {
            for (String keyword : keywordsByRule.get(rule)) {
                if (keyword == null || keyword.isBlank()) {
                    continue;
                }
                NormalizedText normalized = NormalizedText.of(keyword.strip());
                int[] runs = java.util.Arrays.copyOf(normalized.runs, normalized.text.length());
                byCollapsed.computeIfAbsent(normalized.text, k -> new ArrayList<>()).add(new Entry(rule, keyword, runs));
            }
        }
        if (byCollapsed.isEmpty()) {
            return null;
        }
        AhoCorasickDoubleArrayTrie<List<Entry>> trie = new AhoCorasickDoubleArrayTrie<>();
        trie.build(byCollapsed);
        return new KeywordMatcher(trie);
    }

    interface Sink {
        void hit(int rule, int start, int end);
    }

    void find(NormalizedText text, Sink sink) {
        String normalized = text.text;
        trie.parseText(normalized, (begin, end, entries) -> {
            if (!wholeWord(normalized, begin, end)) {
                return;
            }
            for (Entry entry : entries) {
                if (longEnoughRuns(text, begin, entry.runs())) {
                    sink.hit(entry.rule(), text.originStart[begin], text.originEnd[end - 1]);
                }
            }
        });
    }

    private static boolean wholeWord(String text, int begin, int end) {
        return (begin == 0 || !Character.isLetterOrDigit(text.charAt(begin - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    // "ass" (runs a1 s2) matches "aass" or "asss" but not "as": every run must be at least as long
    private static boolean longEnoughRuns(NormalizedText text, int start, int[] runs) {
        for (int i = 0; i < runs.length; i++) {
            if (text.runs[start + i] < runs[i]) {
                return false;
            }
        }
        return true;
    }
}
