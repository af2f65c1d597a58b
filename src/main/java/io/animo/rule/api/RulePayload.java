package io.animo.rule.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.rule.domain.RuleResult;

@Type("RulePayload")
public record RulePayload(Rule rule, @Id String deletedRuleId, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static RulePayload of(RuleResult result, String clientMutationId) {
        return new RulePayload(Rule.of(result.rule()), null, result.userErrors(), clientMutationId);
    }

    static RulePayload deleted(RuleResult result, String id, String clientMutationId) {
        return new RulePayload(null, result.userErrors().isEmpty() ? id : null, result.userErrors(), clientMutationId);
    }
}
