package io.animo.metrics.domain;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Who is active, read from the activities members did themselves ({@link Metric#memberKindsSql()}): audience around
 * a day, retention cohorts, most active members and most used words. {@code communityId} null means the whole tenant.
 */
@ApplicationScoped
public class AudienceRepository {

    private static final String SCOPE = " tenant_id = $1 and ($2::uuid is null or community_id = $2)";

    /** The audience of the day {@code [day, end)}, its week and month ending at {@code end}, and the month before. */
    Uni<Audience> audience(Tx tx, UUID communityId, Instant day, Instant week, Instant month, Instant previousMonth,
            Instant end) {
        return tx.sql().preparedQuery("select count(*) filter (where in_day), count(*) filter (where in_week),"
                + " count(*) filter (where in_month), count(*) filter (where in_month and not before_month),"
                + " count(*) filter (where in_month and before_month),"
                + " count(*) filter (where in_previous_month and not in_month)"
                + " from (select member_id, bool_or(occurred_at >= $3) as in_day, bool_or(occurred_at >= $4) as in_week,"
                + "  bool_or(occurred_at >= $5) as in_month, bool_or(occurred_at < $5) as before_month,"
                + "  bool_or(occurred_at >= $6 and occurred_at < $5) as in_previous_month"
                + "  from activity where" + SCOPE + " and occurred_at < $7 and kind in " + Metric.memberKindsSql()
                + "  group by member_id) members")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), communityId, Rows.timestamp(day), Rows.timestamp(week),
                        Rows.timestamp(month), Rows.timestamp(previousMonth), Rows.timestamp(end))))
                .map(rows -> Rows.first(rows, row -> new Audience(row.getLong(0), row.getLong(1), row.getLong(2),
                        row.getLong(3), row.getLong(4), row.getLong(5))));
    }

    /**
     * For each member first active in a period from {@code firstCohort} (local time of {@code zone}): each period
     * they were active in, counted per (cohort, period).
     */
    Uni<Void> cohorts(Tx tx, UUID communityId, CohortPeriod period, ZoneId zone, LocalDateTime firstCohort,
            CohortCell each) {
        return tx.sql().preparedQuery("with member_periods as ("
                + "  select member_id, date_trunc($3, occurred_at at time zone $4) as period from activity"
                + "  where" + SCOPE + " and kind in " + Metric.memberKindsSql() + " group by 1, 2),"
                + " cohorts as (select member_id, min(period) as cohort from member_periods group by 1)"
                + " select c.cohort, p.period, count(*) from cohorts c join member_periods p using (member_id)"
                + " where c.cohort >= $5 group by 1, 2")
                .execute(Tuple.of(tx.tenantId(), communityId, period.sqlUnit(), zone.getId(), firstCohort))
                .invoke(rows -> rows.forEach(row -> each.accept(row.getLocalDateTime(0), row.getLocalDateTime(1),
                        row.getLong(2))))
                .replaceWithVoid();
    }

    /** A cell of the retention table: members of a cohort active in a period. */
    interface CohortCell {
        void accept(LocalDateTime cohort, LocalDateTime period, long members);
    }

    /** The members who did the most in {@code [from, to)}. */
    Uni<List<TopMember>> topMembers(Tx tx, UUID communityId, Instant from, Instant to, int limit) {
        return tx.sql().preparedQuery("select a.member_id, m.display_name, count(*),"
                + " count(*) filter (where a.kind in ('THREAD_CREATED', 'MESSAGE_POSTED', 'REPLY_POSTED')),"
                + " count(*) filter (where a.kind = 'REACTION_ADDED')"
                + " from activity a join member m on m.tenant_id = a.tenant_id and m.id = a.member_id"
                + " where a.tenant_id = $1 and ($2::uuid is null or a.community_id = $2)"
                + " and a.occurred_at >= $3 and a.occurred_at < $4 and a.kind in " + Metric.memberKindsSql()
                + " group by 1, 2 order by 3 desc, 4 desc, 1 limit $5")
                .execute(Tuple.of(tx.tenantId(), communityId, Rows.timestamp(from), Rows.timestamp(to), limit))
                .map(rows -> Rows.all(rows, row -> new TopMember(row.getUUID(0), row.getString(1), row.getLong(2),
                        row.getLong(3), row.getLong(4))));
    }

    /**
     * The words most messages of {@code [from, to)} use (published ones; French stop words for French messages,
     * English ones otherwise; words of three letters or more), with the sentiment of those messages.
     */
    Uni<List<TopTerm>> topTerms(Tx tx, UUID communityId, Instant from, Instant to, int limit) {
        return tx.sql().preparedQuery("select w.lexeme, count(*),"
                + " count(*) filter (where m.sentiment = 'POSITIVE'), count(*) filter (where m.sentiment = 'NEUTRAL'),"
                + " count(*) filter (where m.sentiment = 'NEGATIVE')"
                + " from message m cross join lateral unnest(to_tsvector(case when m.language = 'fr'"
                + "  then 'animo_terms_fr' else 'animo_terms_en' end::regconfig, m.body)) as w"
                + " where m.tenant_id = $1 and ($2::uuid is null or m.community_id = $2)"
                + " and m.created_at >= $3 and m.created_at < $4 and m.status = 'PUBLISHED'"
                + " and char_length(w.lexeme) >= 3"
                + " group by 1 order by 2 desc, 1 limit $5")
                .execute(Tuple.of(tx.tenantId(), communityId, Rows.timestamp(from), Rows.timestamp(to), limit))
                .map(rows -> Rows.all(rows, row -> new TopTerm(row.getString(0), row.getLong(1), row.getLong(2),
                        row.getLong(3), row.getLong(4))));
    }
}
