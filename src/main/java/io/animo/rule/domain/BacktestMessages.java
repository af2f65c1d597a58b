package io.animo.rule.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;

/**
 * The messages a backtest replays. Rule owns the question and the feature that stores messages answers it, so
 * that rule never depends on content.
 */
public interface BacktestMessages {

    /**
     * Up to {@code size} messages of a community written since {@code since} and not deleted, newest first (by
     * creation, then id), after {@code after} when it is given, each with its author's account creation.
     */
    Uni<List<RuleBacktester.Row>> newestFirst(UUID tenantId, UUID communityId, Instant since, RuleBacktester.Row after,
            int size);
}
