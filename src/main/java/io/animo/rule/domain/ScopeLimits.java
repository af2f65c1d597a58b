package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.List;

import io.animo.platform.graphql.UserError;

/**
 * The limits of a scope as a whole (all its patterns, all its keywords), which bound what its compiled
 * rules keep in memory and how long a message takes to pass them, however the rules are split up.
 */
final class ScopeLimits {

    private ScopeLimits() {
    }

    /** Problems with saving {@code rule} into {@code scope}; {@code replaced}: the id of the rule it replaces, or null. */
    static List<UserError> check(List<RuleDefinition> scope, RuleDefinition rule, String replaced) {
        List<UserError> errors = new ArrayList<>();
        long instructions = RuleWeights.instructions(scope, replaced) + RuleWeights.instructions(rule);
        if (instructions > RuleLimits.MAX_SCOPE_INSTRUCTIONS) {
            errors.add(UserError.of("input.rule.pattern", "RULE_SET_TOO_LARGE", "The patterns of this scope would compile"
                    + " to about " + instructions + " instructions; the limit is " + RuleLimits.MAX_SCOPE_INSTRUCTIONS
                    + ". Simplify or delete some pattern rules, or move some to the communities that need them."));
        }
        long characters = RuleWeights.keywordCharacters(scope, replaced) + RuleWeights.keywordCharacters(rule);
        if (characters > RuleLimits.MAX_SCOPE_KEYWORD_CHARACTERS) {
            errors.add(UserError.of("input.rule.keywords", "RULE_SET_TOO_LARGE", "The keywords of this scope would add up"
                    + " to " + characters + " characters; the limit is " + RuleLimits.MAX_SCOPE_KEYWORD_CHARACTERS
                    + ". Remove keywords you no longer need, or move some to the communities that need them."));
        }
        return errors;
    }
}
