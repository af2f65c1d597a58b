package io.animo.sentiment.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;

import io.quarkus.runtime.Startup;

/**
 * Sentiment by lexicon, after VADER (Hutto and Gilbert, 2014): each word of the language's lexicon and each emoji
 * brings its valence; a negation in the three words before a word turns it around (×-0.74); intensifiers and
 * dampeners in the three words before it make it stronger or weaker, the nearer the more; a word in capitals in a
 * text that is not shouting weighs more; after "but" ("mais") the text weighs three times what came before; and
 * exclamation marks add emphasis. The sum is squashed to [-1, 1]. The language is told by n-gram profiles
 * (optimaize language-detector, English and French only); when it is unsure, the lexicon that recognises more words
 * wins and the language is reported undetermined.
 */
@ApplicationScoped
@Startup // the lexicons and profiles load once, at start, not on the first post
public class LexiconSentimentAnalyzer implements SentimentAnalyzer {

    static final String UNDETERMINED = "und";
    private static final double NEGATION = -0.74;
    private static final double CAPS = 0.733;
    private static final double EXCLAMATION = 0.292;
    private static final int MAX_EXCLAMATIONS = 4;
    private static final double SQUASH = 15;
    private static final double[] NEARNESS = {1.0, 0.95, 0.9};
    private static final double SURE = 0.75;

    private final Map<String, Lexicon> lexicons;
    private final Map<String, Double> emoji;
    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingShortCleanText();

    private final boolean enabled;

    public LexiconSentimentAnalyzer() {
        this(true);
    }

    /**
     * {@code animo.sentiment.enabled=false} turns the analysis off (every text reads undetermined and neutral, and
     * nothing is loaded): for a deployment that does not want it, and to measure what it costs.
     */
    @Inject
    public LexiconSentimentAnalyzer(@ConfigProperty(name = "animo.sentiment.enabled", defaultValue = "true") boolean enabled) {
        this.enabled = enabled;
        if (!enabled) {
            this.lexicons = Map.of();
            this.emoji = Map.of();
            this.detector = null;
            return;
        }
        this.lexicons = Map.of("en", Lexicon.load("en"), "fr", Lexicon.load("fr"));
        this.emoji = Lexicon.emoji();
        try {
            this.detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().read(List.of("en", "fr")))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Sentiment analyze(String text) {
        if (!enabled) {
            return new Sentiment(UNDETERMINED, SentimentLabel.NEUTRAL, 0, List.of());
        }
        String bounded = text == null ? "" : text.length() > MAX_CHARACTERS ? text.substring(0, MAX_CHARACTERS) : text;
        List<Token> tokens = Tokens.of(bounded);
        String language = detect(bounded);
        if (!language.equals(UNDETERMINED)) {
            return score(language, lexicons.get(language), tokens, bounded);
        }
        Sentiment english = score(UNDETERMINED, lexicons.get("en"), tokens, bounded);
        Sentiment french = score(UNDETERMINED, lexicons.get("fr"), tokens, bounded);
        return french.contributions().size() > english.contributions().size() ? french : english;
    }

    private String detect(String text) {
        List<DetectedLanguage> found = detector.getProbabilities(texts.forText(text));
        if (found.isEmpty() || found.get(0).getProbability() < SURE) {
            return UNDETERMINED;
        }
        return found.get(0).getLocale().getLanguage();
    }

    private Sentiment score(String language, Lexicon lexicon, List<Token> tokens, String text) {
        boolean shouting = Tokens.isShouting(tokens);
        int contrast = lastContrast(lexicon, tokens);
        List<Sentiment.Contribution> contributions = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            Double emojiValence = token.emoji() ? emoji.get(token.key()) : null;
            Double wordValence = token.emoji() ? null : lexicon.valences().get(token.key());
            if (emojiValence == null && wordValence == null) {
                continue;
            }
            double valence = emojiValence != null ? emojiValence : wordValence;
            if (wordValence != null) {
                valence = inContext(lexicon, tokens, i, valence, shouting);
            }
            if (contrast >= 0) {
                valence *= i < contrast ? 0.5 : i > contrast ? 1.5 : 1;
            }
            sum += valence;
            contributions.add(new Sentiment.Contribution(token.text(), Math.round(valence * 1000) / 1000.0));
        }
        if (sum != 0) {
            long exclamations = Math.min(MAX_EXCLAMATIONS, text.chars().filter(c -> c == '!').count());
            sum += Math.signum(sum) * exclamations * EXCLAMATION;
        }
        double score = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + SQUASH)));
        score = Math.round(score * 10_000) / 10_000.0;
        return new Sentiment(language, Sentiment.labelOf(score), score, List.copyOf(contributions));
    }

    /** The valence of word {@code i} with the intensifiers and negations just before it, and its capitals. */
    private static double inContext(Lexicon lexicon, List<Token> tokens, int i, double valence, boolean shouting) {
        double weighed = valence;
        if (!shouting && tokens.get(i).capitals()) {
            weighed += Math.signum(valence) * CAPS;
        }
        boolean negated = false;
        for (int back = 1; back <= NEARNESS.length && i - back >= 0; back++) {
            String before = tokens.get(i - back).key();
            Double booster = lexicon.boosters().get(before);
            if (booster != null) {
                weighed += Math.signum(valence) * booster * NEARNESS[back - 1];
            }
            negated |= lexicon.negators().contains(before) && !restricts(lexicon, tokens, i - back, i);
        }
        return negated ? weighed * NEGATION : weighed;
    }

    /**
     * A negator followed by a restrictive word before the sentiment word restricts rather than negates: French "ne …
     * que" ("je n'aime que toi": I love only you).
     */
    private static boolean restricts(Lexicon lexicon, List<Token> tokens, int negator, int word) {
        for (int j = negator + 1; j < word; j++) {
            if (lexicon.restrictives().contains(tokens.get(j).key())) {
                return true;
            }
        }
        return false;
    }

    private static int lastContrast(Lexicon lexicon, List<Token> tokens) {
        for (int i = tokens.size() - 1; i > 0; i--) {
            if (lexicon.contrasts().contains(tokens.get(i).key())) {
                return i;
            }
        }
        return -1;
    }
}
