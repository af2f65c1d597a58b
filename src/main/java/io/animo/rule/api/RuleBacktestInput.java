package io.animo.rule.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("RuleBacktestInput")
@Description("Give either ruleId (a saved rule, even a disabled one) or rule (a draft).")
public record RuleBacktestInput(@Id String ruleId, RuleInput rule, @NonNull @Id String communityId,
        @NonNull @Description("Scan the messages written since this instant") Instant since,
        @DefaultValue("10") @Description("How many caught messages to return as examples (0-50)") int maxExamples) {
}
