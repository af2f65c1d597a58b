package io.animo.rule.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.rule.domain.RuleAction;
import io.animo.rule.domain.RuleHit;
import io.animo.rule.domain.RuleSeverity;

@Type("RuleMatch")
@Description("A rule that fired, and the span of the text it matched (start inclusive, end exclusive, in UTF-16 units; null for rules about the author or the whole text).")
public record RuleMatch(@NonNull String ruleName, @NonNull RuleAction action, @NonNull RuleSeverity severity, Integer start,
        Integer end, String matched) {

    static RuleMatch of(RuleHit hit) {
        return new RuleMatch(hit.ruleName(), hit.action(), hit.severity(), hit.start() < 0 ? null : hit.start(),
                hit.end() < 0 ? null : hit.end(), hit.matched());
    }
}
