package io.animo.rule.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** Outcome of a rule mutation: the rule (null after a delete), or what the caller must fix. */
public record RuleResult(RuleEntity rule, List<UserError> userErrors) {

    static RuleResult ok(RuleEntity rule) {
        return new RuleResult(rule, List.of());
    }

    static RuleResult rejected(List<UserError> errors) {
        return new RuleResult(null, List.copyOf(errors));
    }

    static RuleResult rejected(UserError error) {
        return rejected(List.of(error));
    }

    public static RuleResult notFound(String field, String what) {
        return rejected(UserError.of(field, "NOT_FOUND", "No " + what + " of this tenant has this id."));
    }

    public RuleDefinition definition() {
        return rule == null ? null : RuleMatcherJson.read(rule);
    }

    public static RuleDefinition definitionOf(RuleEntity rule) {
        return RuleMatcherJson.read(rule);
    }
}
