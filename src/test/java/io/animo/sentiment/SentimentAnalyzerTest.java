package io.animo.sentiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.animo.sentiment.domain.LexiconSentimentAnalyzer;
import io.animo.sentiment.domain.Sentiment;
import io.animo.sentiment.domain.SentimentLabel;

/** The analyser on its own: its rules, and its accuracy on public labelled sentences (see the README's numbers). */
class SentimentAnalyzerTest {

    /** What the README states for the labelled sets; the test fails if a change makes the analyser worse. */
    static final double ENGLISH_REVIEWS_ACCURACY = 0.65;
    static final double ENGLISH_TWEETS_ACCURACY = 0.85;
    static final double FRENCH_ACCURACY = 0.43;

    private static LexiconSentimentAnalyzer analyzer;

    @BeforeAll
    static void load() {
        analyzer = new LexiconSentimentAnalyzer();
    }

    @Test
    void englishWordsNegationIntensifiersAndEmoji() {
        assertEquals(SentimentLabel.POSITIVE, label("I love this release, the sync is great"));
        assertEquals(SentimentLabel.NEGATIVE, label("This update is terrible and the app keeps crashing"));
        assertEquals(SentimentLabel.NEGATIVE, label("The new design is not good"));
        assertEquals(SentimentLabel.NEUTRAL, label("The meeting is on Tuesday at noon"));
        assertTrue(score("The support was very good") > score("The support was good"), "an intensifier strengthens");
        assertTrue(score("The support was slightly good") < score("The support was good"), "a dampener weakens");
        assertTrue(score("The support was GOOD") > score("The support was good"), "capitals strengthen");
        assertTrue(score("The support was good!!!") > score("The support was good"), "exclamation marks strengthen");
        assertEquals(SentimentLabel.POSITIVE, label("New release today 😍"));
        assertEquals(SentimentLabel.NEGATIVE, label("New release today 😡"));
        assertEquals("en", analyzer.analyze("I love this release, the sync is really great and fast").language());
    }

    @Test
    void frenchWordsNegationAndIntensifiers() {
        assertEquals(SentimentLabel.POSITIVE, label("J'adore cette nouvelle version, elle est vraiment géniale"));
        assertEquals(SentimentLabel.NEGATIVE, label("Cette mise à jour est horrible, l'application plante sans arrêt"));
        assertEquals(SentimentLabel.NEGATIVE, label("Ce n'est pas bon du tout"));
        assertTrue(score("Le service est très bon") > score("Le service est bon"), "très strengthens");
        assertTrue(score("C'est bien mais la batterie est nulle") < score("C'est bien"), "after mais weighs more");
        assertEquals("fr", analyzer.analyze("J'adore cette nouvelle version, elle est vraiment géniale").language());
    }

    @Test
    void anyTextIsBoundedAndNeverFails() {
        assertEquals(SentimentLabel.NEUTRAL, label(""));
        assertEquals(SentimentLabel.NEUTRAL, label("!!! ??? ..."));
        String huge = "great ".repeat(100_000);
        long started = System.nanoTime();
        Sentiment read = analyzer.analyze(huge);
        assertEquals(SentimentLabel.POSITIVE, read.label());
        assertTrue((System.nanoTime() - started) / 1_000_000 < 2_000, "a huge text is read on its first characters");
    }

    @Test
    void englishAccuracyOnUciReviewSentences() throws IOException {
        double accuracy = accuracy("sentiment/en-labelled.tsv");
        System.out.printf(Locale.ROOT, "English accuracy on 300 UCI review sentences: %.3f%n", accuracy);
        assertTrue(accuracy >= ENGLISH_REVIEWS_ACCURACY, "English accuracy " + accuracy);
    }

    @Test
    void englishAccuracyOnHumanRatedTweetsWithNeutrals() throws IOException {
        double accuracy = accuracy("sentiment/en-tweets-3class.tsv");
        System.out.printf(Locale.ROOT, "English accuracy on 300 human-rated tweets (3 classes): %.3f%n", accuracy);
        assertTrue(accuracy >= ENGLISH_TWEETS_ACCURACY, "English accuracy " + accuracy);
    }

    @Test
    void frenchAccuracyOnXedSentences() throws IOException {
        double accuracy = accuracy("sentiment/fr-labelled.tsv");
        System.out.printf(Locale.ROOT, "French accuracy on 300 XED sentences: %.3f%n", accuracy);
        assertTrue(accuracy >= FRENCH_ACCURACY, "French accuracy " + accuracy);
    }

    /** The share of sentences labelled as the data set labels them (a neutral answer counts as wrong). */
    private static double accuracy(String resource) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SentimentAnalyzerTest.class.getClassLoader().getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            reader.lines().filter(line -> line.contains("\t")).forEach(line -> rows.add(line.split("\t", 2)));
        }
        long right = rows.stream().filter(row -> analyzer.analyze(row[1]).label().name().equals(row[0])).count();
        return (double) right / rows.size();
    }

    private static SentimentLabel label(String text) {
        return analyzer.analyze(text).label();
    }

    private static double score(String text) {
        return analyzer.analyze(text).score();
    }
}
