package io.animo.moderation.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.moderation.domain.ModerationReport;
import io.animo.platform.graphql.GlobalId;

@Type("ModerationReport")
@Description("What moderation did in a period, for the whole tenant or one community.")
public record ModerationReportView(@NonNull Instant from, @NonNull Instant to, @Id String communityId,
        @NonNull @Description("Queue items opened (by rules and by reports)") long itemsOpened,
        @NonNull @Description("Member reports filed") long reportsFiled,
        @NonNull @Description("Posts the rules rejected (never stored)") long rejectedByRules,
        @NonNull @Description("Items approved or removed in the period") long finalDecisions,
        @Description("Median seconds from an item's opening to its approval or removal; null without decisions") Double medianSecondsToDecision,
        @NonNull @Description("Items opened by reason (RULE_FLAG, RULE_HOLD, REPORT), plus RULE_REJECT for rejected posts") List<@NonNull ModerationCount> byReason,
        @NonNull @Description("Automated actions by rule name: flags and holds that opened items, and rejections") List<@NonNull ModerationCount> byRule,
        @NonNull @Description("Decisions taken in the period by outcome (APPROVED, REMOVED, ESCALATED)") List<@NonNull ModerationCount> byOutcome,
        @NonNull @Description("Sanctions issued in the period by kind (WARN, MUTE, BAN)") List<@NonNull ModerationCount> sanctionsByKind,
        @NonNull @Description("Appeals filed in the period by status (PENDING, UPHELD, OVERTURNED)") List<@NonNull ModerationCount> appealsByStatus) {

    static ModerationReportView of(ModerationReport report) {
        return new ModerationReportView(report.from(), report.to(),
                report.communityId() == null ? null : GlobalId.encode("Community", report.communityId()),
                report.itemsOpened(), report.reportsFiled(), report.rejectedByRules(), report.finalDecisions(),
                report.medianSecondsToDecision(), counts(report.byReason()), counts(report.byRule()),
                counts(report.byOutcome()), counts(report.sanctionsByKind()), counts(report.appealsByStatus()));
    }

    private static List<ModerationCount> counts(List<ModerationReport.Count> counts) {
        return counts.stream().map(ModerationCount::of).toList();
    }
}
