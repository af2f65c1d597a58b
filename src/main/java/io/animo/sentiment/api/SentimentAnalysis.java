package io.animo.sentiment.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.sentiment.domain.Sentiment;
import io.animo.sentiment.domain.SentimentLabel;

@Type("SentimentAnalysis")
@Description("What the sentiment analyser reads in a text, and why.")
public record SentimentAnalysis(
        @NonNull @Description("en, fr, or und when the analyser cannot tell") String language,
        @NonNull SentimentLabel label,
        @NonNull @Description("From -1 (most negative) to 1 (most positive); between -0.05 and 0.05 it is neutral") double score,
        @NonNull @Description("The words and emoji that weighed, in order, with the valence each brought after negation"
                + " and intensifiers") List<@NonNull SentimentContribution> contributions) {

    static SentimentAnalysis of(Sentiment sentiment) {
        return new SentimentAnalysis(sentiment.language(), sentiment.label(), sentiment.score(),
                sentiment.contributions().stream().map(c -> new SentimentContribution(c.token(), c.valence())).toList());
    }

    @Type("SentimentContribution")
    public record SentimentContribution(@NonNull String token, @NonNull double valence) {
    }
}
