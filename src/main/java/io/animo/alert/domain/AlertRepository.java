package io.animo.alert.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.TenantOwnedRepository;
import io.animo.platform.persistence.Tx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Alerts, the recent minute figures they are detected on, and each tenant's alert settings. */
@ApplicationScoped
public class AlertRepository implements TenantOwnedRepository<AlertEntity> {

    /** The minutes a spike is measured against, before the current one. */
    static final int BASELINE_MINUTES = 60;

    private static final String ORDERING = "alerts";

    /** An alert the detector opened ({@code raised}) or moved to a later minute or a larger spike. */
    record Recorded(UUID id, boolean raised) {
    }

    /**
     * Opens an alert of the spike's kind in the community, or, while one is not resolved, moves it to this minute or
     * this larger spike; null when the open alert already says as much.
     */
    Uni<Recorded> recordSpike(Tx tx, UUID communityId, Instant minute, SpikeDetector.Spike spike) {
        return tx.sql().preparedQuery("insert into alert (tenant_id, id, community_id, kind, status, minute, observed,"
                + " baseline, deviation, opened_at, updated_at, version)"
                + " values ($1, $2, $3, $4, 'OPEN', $5, $6, $7, $8, now(), now(), 0)"
                + " on conflict (tenant_id, community_id, kind) where status <> 'RESOLVED' do update set"
                + " minute = excluded.minute, observed = excluded.observed, baseline = excluded.baseline,"
                + " deviation = excluded.deviation, updated_at = now(), version = alert.version + 1"
                + " where excluded.minute > alert.minute or excluded.deviation > alert.deviation"
                + " returning id, xmax = 0")
                .execute(Tuple.from(List.of(tx.tenantId(), UUID.randomUUID(), communityId, spike.kind().name(),
                        Rows.timestamp(minute), spike.observed(), spike.baseline(), spike.deviation())))
                .map(rows -> Rows.first(rows, row -> new Recorded(row.getUUID(0), row.getBoolean(1))));
    }

    /**
     * The figures of the communities' last {@link #BASELINE_MINUTES} minutes and the current one (the last), by
     * community; minutes without activity are zeros.
     */
    Uni<Map<UUID, SpikeDetector.Minutes>> recentMinutes(Tx tx, List<UUID> communityIds, Instant currentMinute) {
        int length = BASELINE_MINUTES + 1;
        Instant first = currentMinute.minus(BASELINE_MINUTES, ChronoUnit.MINUTES);
        return tx.sql().preparedQuery("select community_id, bucket_start, metric, value from metric_bucket"
                + " where tenant_id = $1 and granularity = 'MINUTE' and community_id = any($2)"
                + " and bucket_start >= $3 and bucket_start <= $4"
                + " and metric in ('MESSAGES', 'POSITIVE', 'NEUTRAL', 'NEGATIVE', 'REPORTS', 'JOINS')")
                .execute(Tuple.of(tx.tenantId(), communityIds.toArray(UUID[]::new), Rows.timestamp(first),
                        Rows.timestamp(currentMinute)))
                .map(rows -> {
                    Map<UUID, SpikeDetector.Minutes> minutes = new HashMap<>();
                    for (Row row : rows) {
                        SpikeDetector.Minutes of = minutes.computeIfAbsent(row.getUUID(0),
                                community -> new SpikeDetector.Minutes(new long[length], new long[length],
                                        new long[length], new long[length], new long[length]));
                        int at = (int) ChronoUnit.MINUTES.between(first, Rows.instant(row, 1));
                        long value = row.getLong(3);
                        switch (row.getString(2)) {
                            case "MESSAGES" -> of.messages()[at] += value;
                            case "NEGATIVE" -> {
                                of.negative()[at] += value;
                                of.content()[at] += value;
                            }
                            case "REPORTS" -> of.reports()[at] += value;
                            case "JOINS" -> of.joins()[at] += value;
                            default -> of.content()[at] += value; // POSITIVE, NEUTRAL
                        }
                    }
                    return minutes;
                });
    }

    /** The tenant's settings, the defaults when it set none. */
    Uni<SpikeDetector.Settings> settings(Tx tx) {
        return tx.sql().preparedQuery("select threshold, min_messages, min_reports, min_joins from alert_settings"
                + " where tenant_id = $1").execute(Tuple.of(tx.tenantId()))
                .map(rows -> {
                    SpikeDetector.Settings found = Rows.first(rows, row -> new SpikeDetector.Settings(row.getDouble(0),
                            row.getInteger(1), row.getInteger(2), row.getInteger(3)));
                    return found == null ? SpikeDetector.Settings.DEFAULT : found;
                });
    }

    Uni<Void> saveSettings(Tx tx, SpikeDetector.Settings settings) {
        return tx.sql().preparedQuery("insert into alert_settings (tenant_id, threshold, min_messages, min_reports,"
                + " min_joins, updated_at) values ($1, $2, $3, $4, $5, now())"
                + " on conflict (tenant_id) do update set threshold = excluded.threshold,"
                + " min_messages = excluded.min_messages, min_reports = excluded.min_reports,"
                + " min_joins = excluded.min_joins, updated_at = excluded.updated_at")
                .execute(Tuple.of(tx.tenantId(), settings.threshold(), settings.minMessages(), settings.minReports(),
                        settings.minJoins()))
                .replaceWithVoid();
    }

    /** Alerts of the tenant, or of one community, newest first; of one status when it is given. */
    Uni<Page<AlertEntity>> page(UUID tenantId, UUID communityId, AlertStatus status, PageRequest page) {
        TimeKeyset keyset = TimeKeyset.newestFirst(page, ORDERING, "openedAt", "id");
        return Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant"));
            if (communityId != null) {
                where.add("communityId = :community");
            }
            if (status != null) {
                where.add("status = :status");
            }
            if (keyset.cursor() != null) {
                where.add(keyset.condition());
            }
            var query = session.createSelectionQuery("from AlertEntity where " + String.join(" and ", where)
                    + " order by " + keyset.orderBy(), AlertEntity.class)
                    .setParameter("tenant", tenantId)
                    .setMaxResults(page.fetchSize());
            if (communityId != null) {
                query.setParameter("community", communityId);
            }
            if (status != null) {
                query.setParameter("status", status);
            }
            if (keyset.cursor() != null) {
                query.setParameter("at", keyset.at()).setParameter("cursorId", keyset.cursorId());
            }
            return query.getResultList().map(rows -> Page.of(rows, page,
                    alert -> TimeKeyset.cursorOf(ORDERING, alert.openedAt, alert.id), -1));
        });
    }
}
