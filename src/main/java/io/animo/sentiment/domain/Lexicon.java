package io.animo.sentiment.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The words of one language the analyser weighs, loaded from {@code sentiment/<language>/} on the class path (see
 * {@code src/main/resources/sentiment/README.md} for where each list comes from and its licence):
 * <ul>
 * <li>{@code lexicon.tsv}: word, valence on VADER's scale (-4 to 4);
 * <li>{@code boosters.tsv}: intensifier, what it adds to the next sentiment word (positive) or takes away;
 * <li>{@code negators.txt}: words that turn the sentiment words after them around;
 * <li>{@code contrasts.txt}: words such as "but" after which the text weighs more;
 * <li>{@code restrictives.txt}: words that make a negator before them restrictive (French "ne … que").
 * </ul>
 * Keys are lower case and NFC.
 */
record Lexicon(String language, Map<String, Double> valences, Map<String, Double> boosters, Set<String> negators,
        Set<String> contrasts, Set<String> restrictives) {

    static Lexicon load(String language) {
        String base = "sentiment/" + language + "/";
        Map<String, Double> valences = new HashMap<>();
        lines(base + "lexicon.tsv", line -> put(valences, line));
        Map<String, Double> boosters = new HashMap<>();
        lines(base + "boosters.tsv", line -> put(boosters, line));
        Set<String> negators = new HashSet<>();
        lines(base + "negators.txt", line -> negators.add(key(line)));
        Set<String> contrasts = new HashSet<>();
        lines(base + "contrasts.txt", line -> contrasts.add(key(line)));
        Set<String> restrictives = new HashSet<>();
        lines(base + "restrictives.txt", line -> restrictives.add(key(line)));
        return new Lexicon(language, Map.copyOf(valences), Map.copyOf(boosters), Set.copyOf(negators),
                Set.copyOf(contrasts), Set.copyOf(restrictives));
    }

    /** Emoji (as their code points, variation selectors left out) and their valence. */
    static Map<String, Double> emoji() {
        Map<String, Double> emoji = new HashMap<>();
        lines("sentiment/emoji.tsv", line -> put(emoji, line));
        return Map.copyOf(emoji);
    }

    static String key(String word) {
        return Normalizer.normalize(word.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static void put(Map<String, Double> map, String line) {
        int tab = line.indexOf('\t');
        if (tab > 0) {
            map.put(key(line.substring(0, tab)), Double.parseDouble(line.substring(tab + 1).strip()));
        }
    }

    private static void lines(String resource, java.util.function.Consumer<String> each) {
        try (InputStream in = Lexicon.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing sentiment resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    each.accept(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
