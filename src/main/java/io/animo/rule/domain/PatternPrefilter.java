package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;

/**
 * Chooses which regular expressions of a rule set can match a text, in one Aho-Corasick pass over
 * the literals they require ({@link RequiredLiterals}). RE2/J runs in linear time but at tens of
 * nanoseconds per character and pattern; most messages contain none of the literals, and then no
 * pattern runs at all. Patterns whose literals cannot be proven always run.
 */
final class PatternPrefilter {

    private final AhoCorasickDoubleArrayTrie<int[]> trie;
    private final int[] alwaysRun;

    private PatternPrefilter(AhoCorasickDoubleArrayTrie<int[]> trie, int[] alwaysRun) {
        this.trie = trie;
        this.alwaysRun = alwaysRun;
    }

    /** {@code sources[i]} is the pattern of rule {@code i}, null for rules that are not patterns. */
    static PatternPrefilter of(String[] sources) {
        Map<String, List<Integer>> byLiteral = new TreeMap<>();
        List<Integer> always = new ArrayList<>();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null) {
                continue;
            }
            Optional<Set<String>> literals = RequiredLiterals.of(sources[i]);
            if (literals.isEmpty()) {
                always.add(i);
                continue;
            }
            for (String literal : literals.get()) {
                byLiteral.computeIfAbsent(literal, k -> new ArrayList<>()).add(i);
            }
        }
        if (byLiteral.isEmpty() && always.isEmpty()) {
            return null;
        }
        AhoCorasickDoubleArrayTrie<int[]> trie = null;
        if (!byLiteral.isEmpty()) {
            Map<String, int[]> patterns = new TreeMap<>();
            byLiteral.forEach(
                    (literal, indexes) -> patterns.put(literal, indexes.stream().mapToInt(Integer::intValue).toArray()));
            trie = new AhoCorasickDoubleArrayTrie<>();
            trie.build(patterns);
        }
        return new PatternPrefilter(trie, always.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Indexes of the patterns worth running on {@code text}, in rule order. */
    IntStream candidates(String text) {
        BitSet chosen = new BitSet();
        for (int i : alwaysRun) {
            chosen.set(i);
        }
        if (trie != null) {
            trie.parseText(RequiredLiterals.foldForPrefilter(text), (begin, end, patterns) -> {
                for (int pattern : patterns) {
                    chosen.set(pattern);
                }
            });
        }
        return chosen.stream();
    }
}
