package io.animo.rule.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.GlobalId;
import io.animo.rule.domain.Backtest;
import io.animo.rule.domain.ModerationOutcome;

@Type("RuleBacktestExample")
public record RuleBacktestExample(@Id @NonNull String messageId, @Id @NonNull String threadId, @NonNull Instant createdAt,
        @NonNull String body, @NonNull ModerationOutcome outcome, @NonNull List<@NonNull RuleMatch> matches) {

    static RuleBacktestExample of(Backtest.Example example) {
        return new RuleBacktestExample(GlobalId.encode("Message", example.messageId()),
                GlobalId.encode("Thread", example.threadId()), example.createdAt(), example.body(),
                example.verdict().outcome(), example.verdict().hits().stream().map(RuleMatch::of).toList());
    }
}
