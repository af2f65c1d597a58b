package io.animo.metrics.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.animo.platform.persistence.Tx;
import io.animo.platform.persistence.UnitOfWork;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Counts the activities into the metric buckets, exactly once, on whichever replica gets there first. Every activity
 * row carries the id of the transaction that wrote it; transactions below PostgreSQL's snapshot horizon have ended,
 * so the rows of {@code [watermark, horizon)} are complete and final: they are counted, the tracked terms they
 * mention recorded, and the watermark moved, in one transaction. The watermark row is locked for that time; another
 * replica finding it locked skips its turn. After the commit the scopes that changed are announced on the
 * {@link #CHANNEL} channel to every replica (live snapshots, crisis alerts).
 */
@ApplicationScoped
public class MetricsAggregator {

    static final String CHANNEL = "animo_metrics";
    private static final Logger LOG = Logger.getLogger(MetricsAggregator.class);
    private static final int NOTIFY_PAYLOAD_BYTES = 7_000;
    private static final Duration MINUTE_RETENTION = Duration.ofDays(14);
    private static final Duration HOUR_RETENTION = Duration.ofDays(400);
    private static final Duration RETENTION_EVERY = Duration.ofMinutes(10);

    private final UnitOfWork units;
    private final Vertx vertx;
    private final List<CountsListener> listeners;
    private final boolean enabled;
    private final Duration every;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;
    private volatile long lastRetention;

    public MetricsAggregator(UnitOfWork units, Vertx vertx, Instance<CountsListener> listeners,
            @ConfigProperty(name = "animo.metrics.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "animo.metrics.aggregate-every", defaultValue = "250ms") Duration every) {
        this.units = units;
        this.vertx = vertx;
        this.listeners = listeners.stream().toList();
        this.enabled = enabled;
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        if (enabled) {
            timer = vertx.setPeriodic(every.toMillis(), ignored -> runOnce().subscribe().with(counted -> {
            }, failure -> LOG.warnf("Counting activities failed, the next turn tries again: %s", failure.getMessage())));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One turn, unless one is already running here: the scopes whose figures changed (empty when none did). */
    public Uni<List<ScopeChange>> runOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(List.of());
        }
        return units.platform(this::countNewActivities)
                .call(changed -> changed.isEmpty() ? Uni.createFrom().voidItem() : tellListeners(changed))
                .eventually(() -> running.set(false));
    }

    private Uni<Void> tellListeners(List<ScopeChange> changed) {
        Uni<Void> told = Uni.createFrom().voidItem();
        for (CountsListener listener : listeners) {
            told = told.call(() -> listener.counted(changed).onFailure().invoke(failure -> LOG.warnf(
                    "A listener of the counts failed: %s", failure.getMessage())).onFailure().recoverWithNull());
        }
        return told;
    }

    private Uni<List<ScopeChange>> countNewActivities(Tx tx) {
        return tx.sql().query("select set_config('animo.aggregating', 'on', true)").execute()
                .chain(() -> tx.sql().query("select counted_below::text from metric_watermark where id = 1"
                        + " for update skip locked").execute())
                .chain(locked -> {
                    if (locked.size() == 0) {
                        return Uni.createFrom().item(List.<ScopeChange>of()); // another replica is counting
                    }
                    String from = locked.iterator().next().getString(0);
                    return tx.sql().query("select pg_snapshot_xmin(pg_current_snapshot())::text").execute()
                            .map(rows -> rows.iterator().next().getString(0))
                            .chain(to -> count(tx, from, to));
                });
    }

    private Uni<List<ScopeChange>> count(Tx tx, String from, String to) {
        Tuple window = Tuple.of(from, to);
        return tx.sql().preparedQuery(CHANGED).execute(window).chain(changed -> {
            List<ScopeChange> scopes = new ArrayList<>();
            for (Row row : changed) {
                scopes.add(new ScopeChange(row.getUUID(0), row.getUUID(1)));
            }
            if (scopes.isEmpty()) {
                return Uni.createFrom().item(scopes); // nothing new: the watermark may stay where it is
            }
            return tx.sql().preparedQuery(BUCKETS).execute(window)
                    .chain(() -> tx.sql().preparedQuery(MENTIONS).execute(window))
                    .chain(() -> tx.sql().preparedQuery("update metric_watermark set counted_below = $1::xid8,"
                            + " updated_at = now() where id = 1").execute(Tuple.of(to)))
                    .chain(() -> announce(tx, scopes, to))
                    .chain(() -> retention(tx))
                    .replaceWith(scopes);
        });
    }

    /** {@code pg_notify} in this transaction: delivered to every replica when it commits, and only then. */
    private Uni<Void> announce(Tx tx, List<ScopeChange> scopes, String watermark) {
        if (scopes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> payloads = ScopeChange.payloads(scopes, watermark, NOTIFY_PAYLOAD_BYTES);
        Uni<Void> sent = Uni.createFrom().voidItem();
        for (String payload : payloads) {
            sent = sent.chain(() -> tx.sql().preparedQuery("select pg_notify($1, $2)").execute(Tuple.of(CHANNEL, payload))
                    .replaceWithVoid());
        }
        return sent;
    }

    /** Every few minutes: minute buckets live two weeks, hour buckets 400 days, day buckets for good. */
    private Uni<Void> retention(Tx tx) {
        long now = System.currentTimeMillis();
        if (now - lastRetention < RETENTION_EVERY.toMillis()) {
            return Uni.createFrom().voidItem();
        }
        lastRetention = now;
        return tx.sql().preparedQuery("delete from metric_bucket"
                + " where (granularity = 'MINUTE' and bucket_start < now() - make_interval(days => $1))"
                + " or (granularity = 'HOUR' and bucket_start < now() - make_interval(days => $2))")
                .execute(Tuple.of((int) MINUTE_RETENTION.toDays(), (int) HOUR_RETENTION.toDays()))
                .replaceWithVoid();
    }

    private static final String WINDOW = " a.tx >= $1::xid8 and a.tx < $2::xid8";

    /** Adds the window's activities to the minute, hour and (UTC) day buckets of their community. */
    private static final String BUCKETS = "insert into metric_bucket (tenant_id, granularity, community_id, bucket_start,"
            + " metric, value)"
            + " select a.tenant_id, g.granularity, a.community_id,"
            + "  date_trunc(g.unit, a.occurred_at at time zone 'UTC') at time zone 'UTC', m.metric, count(*)"
            + " from activity a"
            + " cross join lateral unnest(" + Metric.metricsOfActivitySql() + ") as m(metric)"
            + " cross join (values ('MINUTE', 'minute'), ('HOUR', 'hour'), ('DAY', 'day')) as g(granularity, unit)"
            + " where" + WINDOW
            + " group by 1, 2, 3, 4, 5"
            + " on conflict (tenant_id, granularity, community_id, bucket_start, metric)"
            + " do update set value = metric_bucket.value + excluded.value";

    /** The window's messages and mentions that name a tracked term of their tenant (whole words, any case). */
    private static final String MENTIONS = TermMentions.INSERT + " where" + WINDOW + " on conflict do nothing";

    private static final String CHANGED = "select distinct a.tenant_id, a.community_id from activity a where" + WINDOW;
}
