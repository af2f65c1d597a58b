package io.animo.metrics.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("SentimentSplit")
@Description("How many messages and mentions read positive, neutral and negative.")
public record SentimentSplit(@NonNull long positive, @NonNull long neutral, @NonNull long negative) {
}
