package io.animo.rule.api;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RuleTestInput")
public record RuleTestInput(@NonNull RuleInput rule, @NonNull String text, PostingContextInput context) {
}
