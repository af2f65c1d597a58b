package io.animo.rule.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RuleDeleteInput")
public record RuleDeleteInput(@Id @NonNull String id, String clientMutationId) {
}
