package io.animo.rule.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RuleCreateInput")
public record RuleCreateInput(
        @Id @Description("The community the rule applies to; left out, it applies to the whole tenant") String communityId,
        @NonNull RuleInput rule,
        String clientMutationId) {
}
