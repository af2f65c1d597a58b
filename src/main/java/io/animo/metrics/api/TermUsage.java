package io.animo.metrics.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.TopTerm;

@Type("TermUsage")
@Description("A word of a period's messages (lower-cased, stop words left out) and the sentiment of the messages that"
        + " use it.")
public record TermUsage(@NonNull String term, @NonNull @Description("Messages that use it") long messages,
        @NonNull SentimentSplit sentiment) {

    static TermUsage of(TopTerm t) {
        return new TermUsage(t.term(), t.messages(), new SentimentSplit(t.positive(), t.neutral(), t.negative()));
    }
}
