package io.animo.metrics.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.animo.platform.persistence.PgNotifications;
import io.animo.platform.persistence.Tx;
import io.animo.platform.persistence.UnitOfWork;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Live engagement snapshots, multiplexed: subscribers of the same scope (a tenant's community, or the whole tenant)
 * and window share one group; when the figures of a group change, it computes one snapshot and pushes it to all its
 * subscribers, at once if its last snapshot is a tick (1 s by default) old or more, else one tick after that one: at
 * most one computation per group and tick, and the cost grows with the scopes that change, not with the subscribers.
 * Changes come from the aggregator's notifications, on every replica. A snapshot's resume token
 * names its figures: a subscriber never gets the figures it saw last again, so a client that subscribes again with the
 * token of the last snapshot it saw gets the current one at once only if anything changed meanwhile.
 */
@ApplicationScoped
public class LiveEngagement {

    private static final Logger LOG = Logger.getLogger(LiveEngagement.class);

    private final UnitOfWork units;
    private final PgNotifications notifications;
    private final Vertx vertx;
    private final Duration tick;
    private final Counter computedCounter;
    private final Map<Key, Group> groups = new ConcurrentHashMap<>();
    private final AtomicLong computed = new AtomicLong();
    private final AsyncCache<Key, Boolean> checkedScopes = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(100_000).buildAsync();

    /** A group of subscribers: a tenant, a community (null for the whole tenant) and a window in minutes. */
    record Key(UUID tenantId, UUID communityId, int windowMinutes) {
    }

    public LiveEngagement(UnitOfWork units, PgNotifications notifications, Vertx vertx, MeterRegistry meters,
            @ConfigProperty(name = "animo.metrics.live-tick", defaultValue = "1s") Duration tick) {
        this.units = units;
        this.notifications = notifications;
        this.vertx = vertx;
        this.tick = tick;
        this.computedCounter = Counter.builder("animo.engagement.snapshots")
                .description("Engagement snapshots computed for live subscribers (one per changed scope and tick)")
                .register(meters);
    }

    void start(@Observes StartupEvent event) {
        notifications.listen(MetricsAggregator.CHANNEL).subscribe().with(this::changed);
        // the LISTEN connection was lost for a while: every group may have missed changes, all recompute
        notifications.gapsOf(MetricsAggregator.CHANNEL).subscribe().with(gap -> groups.values().forEach(Group::touch));
    }

    void stop(@Observes ShutdownEvent event) {
        groups.values().forEach(group -> group.snapshots.onComplete());
    }

    /**
     * The snapshots of a scope for one subscriber: the current one first unless {@code resumeToken} is the token of
     * the current one, then one per tick in which something changed.
     */
    public Multi<EngagementSnapshot> subscribe(UUID tenantId, UUID communityId, int windowMinutes, String resumeToken) {
        Key key = new Key(tenantId, communityId, windowMinutes);
        return Multi.createFrom().deferred(() -> {
            Group group = groups.computeIfAbsent(key, Group::new);
            group.subscribers.incrementAndGet();
            EngagementSnapshot last = group.last;
            Multi<EngagementSnapshot> next = group.snapshots;
            if (last == null) {
                group.touch(); // nobody computed this scope yet: the next tick does
            } else {
                next = Multi.createBy().concatenating().streams(Multi.createFrom().item(last), group.snapshots);
            }
            // tokens name the figures: a snapshot with the figures this subscriber saw last is not sent again; a
            // subscriber still busy with the last one when the next comes gets the newest only when it is ready
            String[] seen = {resumeToken};
            return next.onOverflow().dropPreviousItems().filter(snapshot -> {
                boolean changed = !snapshot.resumeToken().equals(seen[0]);
                seen[0] = snapshot.resumeToken();
                return changed;
            }).onTermination().invoke(() -> {
                if (group.subscribers.decrementAndGet() == 0) {
                    groups.remove(key, group);
                }
            });
        });
    }

    /**
     * {@code check} of the tenant's community (that it exists in the tenant), once for all the subscribers that come
     * together, and remembered for a while when it passed: a reconnection storm of thousands of subscribers to one
     * scope does not take a database connection each.
     */
    public Uni<Void> checkedScope(UUID tenantId, UUID communityId, Supplier<Uni<Void>> check) {
        return Uni.createFrom().completionStage(() -> checkedScopes.get(new Key(tenantId, communityId, 0),
                (key, executor) -> check.get().replaceWith(Boolean.TRUE).subscribeAsCompletionStage()))
                .replaceWithVoid();
    }

    /** How many snapshots this replica computed since it started (one per changed group and tick). */
    public long computed() {
        return computed.get();
    }

    private void changed(String payload) {
        ScopeChange.Announcement announcement = ScopeChange.parse(payload);
        for (ScopeChange change : announcement.changes()) {
            groups.forEach((key, group) -> {
                if (key.tenantId().equals(change.tenantId())
                        && (key.communityId() == null || key.communityId().equals(change.communityId()))) {
                    group.touch();
                }
            });
        }
    }

    private Uni<EngagementSnapshot> compute(Key key) {
        computed.incrementAndGet();
        computedCounter.increment();
        return units.inTenant(key.tenantId(), tx -> snapshot(tx, key));
    }

    private Uni<EngagementSnapshot> snapshot(Tx tx, Key key) {
        Map<Metric, Long> counts = new EnumMap<>(Metric.class);
        Tuple window = Tuple.of(tx.tenantId(), key.communityId(), key.windowMinutes());
        Uni<Void> sums = tx.sql().preparedQuery("select metric, sum(value)::bigint from metric_bucket"
                + " where tenant_id = $1 and granularity = 'MINUTE' and ($2::uuid is null or community_id = $2)"
                + " and bucket_start >= date_trunc('minute', now()) - make_interval(mins => $3 - 1) group by metric")
                .execute(window)
                .invoke(rows -> rows.forEach(row -> counts.put(Metric.valueOf(row.getString(0)), row.getLong(1))))
                .replaceWithVoid();
        Uni<Long> active = tx.sql().preparedQuery("select count(distinct member_id) from activity"
                + " where tenant_id = $1 and ($2::uuid is null or community_id = $2)"
                + " and occurred_at >= date_trunc('minute', now()) - make_interval(mins => $3 - 1)"
                + " and kind in " + Metric.memberKindsSql())
                .execute(window).map(rows -> rows.iterator().next().getLong(0));
        return Uni.combine().all().unis(sums, active).asTuple()
                .map(all -> EngagementSnapshot.of(key.communityId(), key.windowMinutes(), Instant.now(), counts,
                        all.getItem2()));
    }

    /** One scope's subscribers, its last snapshot, and whether its figures changed since. */
    private final class Group {

        final Key key;
        final BroadcastProcessor<EngagementSnapshot> snapshots = BroadcastProcessor.create();
        final AtomicInteger subscribers = new AtomicInteger();
        final AtomicBoolean dirty = new AtomicBoolean();
        private final AtomicBoolean scheduled = new AtomicBoolean();
        private volatile long lastComputedAt = System.nanoTime() - tick.toNanos();
        volatile EngagementSnapshot last;

        Group(Key key) {
            this.key = key;
        }

        /** The figures changed: a snapshot is due, at once or one tick after the last one. */
        void touch() {
            dirty.set(true);
            schedule();
        }

        private void schedule() {
            if (subscribers.get() == 0 || !scheduled.compareAndSet(false, true)) {
                return;
            }
            long wait = TimeUnit.NANOSECONDS.toMillis(lastComputedAt + tick.toNanos() - System.nanoTime());
            vertx.setTimer(Math.max(1, wait), ignored -> computeIfDirty());
        }

        private void computeIfDirty() {
            if (subscribers.get() == 0 || !dirty.compareAndSet(true, false)) {
                done();
                return;
            }
            lastComputedAt = System.nanoTime();
            compute(key).subscribe().with(snapshot -> {
                last = snapshot;
                snapshots.onNext(snapshot);
                done();
            }, failure -> {
                LOG.warnf("Engagement snapshot of %s failed, the next tick tries again: %s", key, failure.getMessage());
                dirty.set(true);
                done();
            });
        }

        private void done() {
            scheduled.set(false);
            if (dirty.get()) {
                schedule();
            }
        }
    }
}
