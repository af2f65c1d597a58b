package io.animo.metrics.domain;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * Told, on the replica that counted them, which communities' figures a turn of the aggregator changed, once they are
 * committed: what watches the figures (crisis alerts) looks there, exactly once per change. Features above metrics
 * implement it; metrics never depends on them.
 */
public interface CountsListener {

    Uni<Void> counted(List<ScopeChange> changes);
}
