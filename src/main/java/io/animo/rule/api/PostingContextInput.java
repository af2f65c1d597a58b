package io.animo.rule.api;

import org.eclipse.microprofile.graphql.Input;

@Input("PostingContextInput")
public record PostingContextInput(Integer accountAgeHours, Integer recentMessages) {
}
