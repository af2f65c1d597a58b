package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;

/**
 * Every keyword of every keyword rule of a rule set in one Aho-Corasick automaton: one pass over
 * the normalized text, whatever the number of keywords. Matches are whole words only, so "class"
 * does not trip a rule on "ass".
 */
final class KeywordMatcher {

    private record Entry(int rule, String keyword, int[] runs) {
    }

    private final Trie trie;
    private final Map<String, List<Entry>> byCollapsed;

    private KeywordMatcher(Trie trie, Map<String, List<Entry>> byCollapsed) {
        this.trie = trie;
        this.byCollapsed = byCollapsed;
    }

    /** {@code keywordsByRule.get(i)} are the keywords of rule {@code i}. */
    static KeywordMatcher of(List<List<String>> keywordsByRule) {
        Map<String, List<Entry>> byCollapsed = new HashMap<>();
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
        Trie trie = Trie.builder().onlyWholeWords().addKeywords(byCollapsed.keySet()).build();
        return new KeywordMatcher(trie, byCollapsed);
    }

    interface Sink {
        void hit(int rule, int start, int end);
    }

    void find(NormalizedText text, Sink sink) {
        for (Emit emit : trie.parseText(text.text)) {
            for (Entry entry : byCollapsed.get(emit.getKeyword())) {
                if (longEnoughRuns(text, emit.getStart(), entry.runs())) {
                    sink.hit(entry.rule(), text.originStart[emit.getStart()], text.originEnd[emit.getEnd()]);
                }
            }
        }
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
