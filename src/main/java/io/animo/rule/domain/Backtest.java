package io.animo.rule.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.animo.platform.graphql.UserError;

/**
 * What a rule would have done to a community's existing messages: how many it scanned and caught,
 * how its catches compare with what moderators removed, and a few examples.
 */
public record Backtest(int scanned, int caught, int caughtAlreadyRemoved, int removedNotCaught, boolean truncated,
        List<Example> examples, List<UserError> userErrors) {

    /** A message the rule would have caught, with the verdict it would have given. */
    public record Example(UUID messageId, UUID threadId, Instant createdAt, String body, Verdict verdict) {
    }

    static Backtest refused(List<UserError> errors) {
        return new Backtest(0, 0, 0, 0, false, List.of(), List.copyOf(errors));
    }
}
