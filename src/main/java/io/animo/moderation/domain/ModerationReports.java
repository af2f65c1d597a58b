package io.animo.moderation.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * The moderation report of a period: the queue, reports and rejections aggregated in SQL by
 * {@link ModerationReportRepository}, put together here.
 */
@ApplicationScoped
public class ModerationReports {

    static final Duration MAX_PERIOD = Duration.ofDays(366);

    private final ModerationReportRepository statements;

    public ModerationReports(ModerationReportRepository statements) {
        this.statements = statements;
    }

    /** {@code communityId} null: the whole tenant. */
    public Uni<ModerationReport> report(Tx tx, Caller caller, Instant from, Instant to, UUID communityId) {
        if (!from.isBefore(to)) {
            return Uni.createFrom().failure(new BadRequestException("period.from must be before period.to."));
        }
        if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
            return Uni.createFrom().failure(new BadRequestException("A period spans at most 366 days."));
        }
        UUID tenant = caller.tenantId();
        ModerationReportRepository.Params params = ModerationReportRepository.params(tenant, from, to, communityId);
        return statements.grouped(params).chain(grouped -> statements.median(params)
                .chain(median -> statements.reportsFiled(params).map(reports -> new ModerationReport(from, to,
                        communityId, total(grouped.byReason()), reports, total(grouped.rejected()),
                        median.decisions(), median.seconds(), withRejections(grouped.byReason(), total(grouped.rejected())),
                        merge(grouped.queued(), grouped.rejected()), grouped.byOutcome(), grouped.sanctions(),
                        grouped.appeals()))));
    }

    private static long total(List<ModerationReport.Count> counts) {
        return counts.stream().mapToLong(ModerationReport.Count::count).sum();
    }

    /** Rejected posts appear among the reasons as RULE_REJECT: they never reach the queue. */
    private static List<ModerationReport.Count> withRejections(List<ModerationReport.Count> byReason, long rejected) {
        if (rejected == 0) {
            return byReason;
        }
        List<ModerationReport.Count> all = new ArrayList<>(byReason);
        all.add(new ModerationReport.Count("RULE_REJECT", rejected));
        all.sort((a, b) -> Long.compare(b.count(), a.count()));
        return all;
    }

    /** Actions per rule: items its flags and holds opened, plus posts it rejected. */
    private static List<ModerationReport.Count> merge(List<ModerationReport.Count> queued,
            List<ModerationReport.Count> rejected) {
        java.util.Map<String, Long> byRule = new java.util.TreeMap<>();
        for (List<ModerationReport.Count> counts : List.of(queued, rejected)) {
            counts.forEach(count -> byRule.merge(count.key(), count.count(), Long::sum));
        }
        List<ModerationReport.Count> merged = new ArrayList<>();
        byRule.forEach((rule, count) -> merged.add(new ModerationReport.Count(rule, count)));
        merged.sort((a, b) -> Long.compare(b.count(), a.count()));
        return merged;
    }
}
