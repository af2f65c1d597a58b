package io.animo.moderation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The statements of the moderation report: counts of a period over the queue, rejections, sanctions, appeals
 * and reports, grouped in SQL (grouping and the median are PostgreSQL's job, not the application's). Fixed
 * statement texts, so the plan cache stays small.
 */
@ApplicationScoped
public class ModerationReportRepository {

    /** The nil UUID stands for the whole tenant, so the parameter always has a type. */
    private static final UUID WHOLE_TENANT = new UUID(0, 0);

    private static final String COMMUNITY = " and (:community = " + nil() + " or community_id = :community)";

    private static final String OPENED_BY_REASON = "select reason, count(*) from moderation_item"
            + " where tenant_id = :tenant and created_at >= :from and created_at < :to" + COMMUNITY + " group by reason";

    private static final String REJECTED_BY_RULE = "select trim(r.name), count(*) from rejected_post,"
            + " regexp_split_to_table(rule_names, ', ') as r(name)"
            + " where tenant_id = :tenant and occurred_at >= :from and occurred_at < :to" + COMMUNITY + " group by 1";

    private static final String QUEUED_BY_RULE = "select trim(r.name), count(*) from moderation_item,"
            + " regexp_split_to_table(rule_names, ', ') as r(name)"
            + " where tenant_id = :tenant and rule_names is not null and rule_names <> ''"
            + " and created_at >= :from and created_at < :to" + COMMUNITY + " group by 1";

    private static final String DECIDED_BY_OUTCOME = "select status, count(*) from moderation_item"
            + " where tenant_id = :tenant and decided_at >= :from and decided_at < :to" + COMMUNITY + " group by status";

    private static final String MEDIAN_TO_DECISION = "select count(*),"
            + " percentile_cont(0.5) within group (order by extract(epoch from decided_at - created_at))"
            + " from moderation_item where tenant_id = :tenant and status in ('APPROVED', 'REMOVED')"
            + " and decided_at >= :from and decided_at < :to" + COMMUNITY;

    private static final String SANCTIONS_BY_KIND = "select kind, count(*) from sanction"
            + " where tenant_id = :tenant and created_at >= :from and created_at < :to" + COMMUNITY + " group by kind";

    private static final String APPEALS_BY_OUTCOME = "select status, count(*) from appeal"
            + " where tenant_id = :tenant and created_at >= :from and created_at < :to" + COMMUNITY + " group by status";

    private static final String REPORTS_FILED = "select count(*) from content_report r join message m"
            + " on m.tenant_id = r.tenant_id and m.id = r.message_id where r.tenant_id = :tenant"
            + " and r.created_at >= :from and r.created_at < :to"
            + " and (:community = " + nil() + " or m.community_id = :community)";

    /** The period and scope of a report; {@code communityId} null: the whole tenant. */
    static Params params(UUID tenant, Instant from, Instant to, UUID communityId) {
        return new Params(tenant, from, to, communityId == null ? WHOLE_TENANT : communityId);
    }

    record Params(UUID tenant, Instant from, Instant to, UUID community) {
    }

    record Median(long decisions, Double seconds) {
    }

    record Grouped(List<ModerationReport.Count> byReason, List<ModerationReport.Count> queued,
            List<ModerationReport.Count> rejected, List<ModerationReport.Count> byOutcome,
            List<ModerationReport.Count> sanctions, List<ModerationReport.Count> appeals) {
    }

    /** The grouped counts, one statement after the other: a session runs one query at a time. */
    Uni<Grouped> grouped(Params params) {
        List<String> statements = List.of(OPENED_BY_REASON, QUEUED_BY_RULE, REJECTED_BY_RULE, DECIDED_BY_OUTCOME,
                SANCTIONS_BY_KIND, APPEALS_BY_OUTCOME);
        Uni<List<List<ModerationReport.Count>>> all = Uni.createFrom().item(new ArrayList<>());
        for (String sql : statements) {
            all = all.chain(done -> counts(sql, params).map(counts -> {
                done.add(counts);
                return done;
            }));
        }
        return all.map(c -> new Grouped(c.get(0), c.get(1), c.get(2), c.get(3), c.get(4), c.get(5)));
    }

    /** Final decisions (approve or remove) in the period, and the median seconds from an item's opening to it. */
    Uni<Median> median(Params params) {
        return rows(MEDIAN_TO_DECISION, params).map(rows -> {
            Object[] row = rows.get(0);
            return new Median(((Number) row[0]).longValue(), row[1] == null ? null : ((Number) row[1]).doubleValue());
        });
    }

    /** Reports filed in the period (of messages of the community, when there is one). */
    Uni<Long> reportsFiled(Params params) {
        return single(REPORTS_FILED, params);
    }

    private Uni<List<ModerationReport.Count>> counts(String sql, Params params) {
        return rows(sql, params).map(rows -> rows.stream()
                .map(row -> new ModerationReport.Count((String) row[0], ((Number) row[1]).longValue()))
                .sorted((a, b) -> Long.compare(b.count(), a.count()) != 0
                        ? Long.compare(b.count(), a.count())
                        : a.key().compareTo(b.key()))
                .toList());
    }

    private Uni<Long> single(String sql, Params params) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Long.class)
                .setParameter("tenant", params.tenant()).setParameter("from", params.from())
                .setParameter("to", params.to()).setParameter("community", params.community())
                .getSingleResult());
    }

    private Uni<List<Object[]>> rows(String sql, Params params) {
        return Panache.getSession().chain(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("tenant", params.tenant()).setParameter("from", params.from())
                .setParameter("to", params.to()).setParameter("community", params.community())
                .getResultList());
    }

    private static String nil() {
        return "cast('" + WHOLE_TENANT + "' as uuid)";
    }
}
