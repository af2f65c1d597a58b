package io.animo.metrics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The queries of engagement series: bucket sums, distinct active members and the median time to the first reply to a
 * question, each grouped by the series' buckets in its time zone. {@code communityId} null means the whole tenant.
 */
@ApplicationScoped
public class EngagementRepository {

    /** Sums the buckets of {@code [from, to)}: {@code each} receives (bucket start, metric name and count). */
    public Uni<Void> counts(Tx tx, UUID communityId, Granularity granularity, ZoneId zone, Instant from, Instant to,
            BiConsumer<Instant, Row> each) {
        // minute and hour series read their own buckets; days and weeks read day buckets in UTC, hour buckets elsewhere
        String source = switch (granularity) {
            case MINUTE -> "MINUTE";
            case HOUR -> "HOUR";
            case DAY, WEEK -> zone.equals(Granularity.utc()) ? "DAY" : "HOUR";
        };
        String sql = "select " + bucket("bucket_start", granularity, 6) + " as b, metric, sum(value)::bigint"
                + " from metric_bucket where tenant_id = $1 and granularity = $2"
                + " and ($3::uuid is null or community_id = $3) and bucket_start >= $4 and bucket_start < $5"
                + " group by 1, 2";
        return tx.sql().preparedQuery(sql)
                .execute(Tuple.of(tx.tenantId(), source, communityId, Rows.timestamp(from), Rows.timestamp(to), zone.getId()))
                .invoke(rows -> rows.forEach(row -> each.accept(Rows.instant(row, 0), row)))
                .replaceWithVoid();
    }

    /** Distinct members who did something themselves, per bucket. */
    public Uni<Void> activeMembers(Tx tx, UUID communityId, Granularity granularity, ZoneId zone, Instant from, Instant to,
            BiConsumer<Instant, Long> each) {
        String sql = "select " + bucket("occurred_at", granularity, 5) + " as b, count(distinct member_id)"
                + " from activity where tenant_id = $1 and ($2::uuid is null or community_id = $2)"
                + " and occurred_at >= $3 and occurred_at < $4 and kind in " + Metric.memberKindsSql()
                + " group by 1";
        return tx.sql().preparedQuery(sql)
                .execute(Tuple.of(tx.tenantId(), communityId, Rows.timestamp(from), Rows.timestamp(to), zone.getId()))
                .invoke(rows -> rows.forEach(row -> each.accept(Rows.instant(row, 0), row.getLong(1))))
                .replaceWithVoid();
    }

    /**
     * Per bucket of the questions asked in it: the median time from a question to its first published answer by
     * someone else (unanswered questions are left out).
     */
    public Uni<Void> medianFirstReply(Tx tx, UUID communityId, Granularity granularity, ZoneId zone, Instant from,
            Instant to, BiConsumer<Instant, Double> each) {
        String sql = "select " + bucket("t.created_at", granularity, 5) + " as b,"
                + " percentile_cont(0.5) within group (order by extract(epoch from (r.first_reply - t.created_at)))"
                + " from thread t cross join lateral (select min(m.created_at) as first_reply from message m"
                + "  where m.tenant_id = t.tenant_id and m.thread_id = t.id and m.author_member_id <> t.author_member_id"
                + "  and m.status = 'PUBLISHED') r"
                + " where t.tenant_id = $1 and ($2::uuid is null or t.community_id = $2) and t.kind = 'QUESTION'"
                + " and t.created_at >= $3 and t.created_at < $4 and r.first_reply is not null group by 1";
        return tx.sql().preparedQuery(sql)
                .execute(Tuple.of(tx.tenantId(), communityId, Rows.timestamp(from), Rows.timestamp(to), zone.getId()))
                .invoke(rows -> rows.forEach(row -> each.accept(Rows.instant(row, 0), row.getDouble(1))))
                .replaceWithVoid();
    }

    /** The SQL of the bucket start of a timestamp column, in the series' zone (parameter {@code zoneParameter}). */
    private static String bucket(String column, Granularity granularity, int zoneParameter) {
        return "date_trunc('" + granularity.sqlUnit() + "', " + column + " at time zone $" + zoneParameter
                + ") at time zone $" + zoneParameter;
    }
}
