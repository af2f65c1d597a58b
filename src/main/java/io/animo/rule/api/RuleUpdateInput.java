package io.animo.rule.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RuleUpdateInput")
@Description("Replaces the rule with the given one; its scope stays.")
public record RuleUpdateInput(@Id @NonNull String id, @NonNull long version, @NonNull RuleInput rule, String clientMutationId) {
}
