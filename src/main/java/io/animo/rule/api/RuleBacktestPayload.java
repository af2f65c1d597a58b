package io.animo.rule.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.rule.domain.Backtest;

@Type("RuleBacktestPayload")
public record RuleBacktestPayload(
        @NonNull @Description("Messages scanned, newest first") int scanned,
        @NonNull @Description("Messages the rule would have flagged, held, rejected or warned about") int caught,
        @NonNull @Description("Caught messages that moderators had already removed") int caughtAlreadyRemoved,
        @NonNull @Description("Messages moderators removed that the rule would not have caught") int removedNotCaught,
        @NonNull @Description("True when the scan stopped at one of its limits (animo.rules.backtest-max-messages messages, animo.rules.backtest-max-time of matching) before reaching since") boolean truncated,
        @NonNull List<@NonNull RuleBacktestExample> examples,
        @NonNull List<@NonNull UserError> userErrors) {

    static RuleBacktestPayload of(Backtest backtest) {
        return new RuleBacktestPayload(backtest.scanned(), backtest.caught(), backtest.caughtAlreadyRemoved(),
                backtest.removedNotCaught(), backtest.truncated(),
                backtest.examples().stream().map(RuleBacktestExample::of).toList(), backtest.userErrors());
    }
}
