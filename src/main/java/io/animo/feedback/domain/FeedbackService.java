package io.animo.feedback.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.content.domain.ContentRepository;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.rule.domain.RuleSeverity;
import io.smallrye.mutiny.Uni;

/** Bug reports and suggestions: members report and vote, staff triage (each triage audited). */
@ApplicationScoped
public class FeedbackService {

    private final ContentRepository content;
    private final FeedbackReportRepository reports;
    private final AuditLog audit;
    private final CommunityGate gate;

    public FeedbackService(ContentRepository content, FeedbackReportRepository reports, AuditLog audit,
            CommunityGate gate) {
        this.content = content;
        this.reports = reports;
        this.audit = audit;
        this.gate = gate;
    }

    public Uni<FeedbackResult> create(Tx tx, Caller caller, UUID communityId, FeedbackKind kind, String title, String body,
            UUID messageId, RuleSeverity severity) {
        if (title == null || title.isBlank() || title.length() > 200) {
            return Uni.createFrom().item(FeedbackResult.refused("input.title", title == null || title.isBlank()
                    ? "REQUIRED"
                    : "TOO_LONG", "Give a title of up to 200 characters."));
        }
        if (body == null || body.isBlank() || body.length() > 10_000) {
            return Uni.createFrom().item(FeedbackResult.refused("input.body", body == null || body.isBlank()
                    ? "REQUIRED"
                    : "TOO_LONG", "Describe it in up to 10000 characters."));
        }
        UUID tenant = caller.tenantId();
        return gate.check(tx, caller, communityId, CommunityAction.PARTICIPATE,
                "input.communityId").chain(access -> {
                    if (!access.allowed()) {
                        return Uni.createFrom().item(new FeedbackResult(null, List.of(access.refusal())));
                    }
                    return linkedMessage(tenant, messageId, communityId).chain(linkOk -> {
                        if (!linkOk) {
                            return Uni.createFrom().item(FeedbackResult.refused("input.messageId", "NOT_FOUND",
                                    "No message of this community has this id."));
                        }
                        Instant now = now();
                        FeedbackReportEntity report = new FeedbackReportEntity();
                        report.id = UUID.randomUUID();
                        report.tenantId = tenant;
                        report.communityId = communityId;
                        report.kind = kind;
                        report.title = title.strip();
                        report.body = body.strip();
                        report.messageId = messageId;
                        report.severity = severity == null ? RuleSeverity.MEDIUM : severity;
                        report.status = FeedbackStatus.NEW;
                        report.reporterMemberId = access.member().id;
                        report.createdAt = now;
                        report.updatedAt = now;
                        return reports.persist(report)
                                .map(ignored -> FeedbackResult.ok(report));
                    });
                });
    }

    private Uni<Boolean> linkedMessage(UUID tenant, UUID messageId, UUID communityId) {
        return messageId == null
                ? Uni.createFrom().item(true)
                : content.message(tenant, messageId).map(message -> message != null && message.communityId.equals(communityId));
    }

    /**
     * One vote per member and report. Votes of several members at the same moment all count: the count is
     * raised in the database, in one statement, not read and written back.
     */
    public Uni<FeedbackResult> vote(Tx tx, Caller caller, UUID reportId) {
        UUID tenant = caller.tenantId();
        tx.recover(failure -> Constraints.isUniqueViolation(failure, null),
                () -> Uni.createFrom().item(FeedbackResult.refused("input.id", "ALREADY_VOTED",
                        "You already voted for this report.")));
        return report(tx, reportId).chain(report -> report == null
                ? Uni.createFrom().item(notFound())
                : gate.check(tx, caller, report.communityId, CommunityAction.PARTICIPATE, "input.id").chain(access -> {
                    if (!access.allowed()) {
                        return Uni.createFrom().item("NOT_FOUND".equals(access.refusal().code())
                                ? notFound()
                                : new FeedbackResult(null, List.of(access.refusal())));
                    }
                    FeedbackVoteEntity vote = new FeedbackVoteEntity();
                    vote.tenantId = tenant;
                    vote.reportId = reportId;
                    vote.memberId = access.member().id;
                    vote.createdAt = now();
                    return reports.addVote(report, vote)
                            .map(ignored -> FeedbackResult.ok(report));
                }));
    }

    public Uni<FeedbackResult> triage(Tx tx, Caller caller, UUID reportId, FeedbackStatus status, UUID duplicateOf) {
        if (status == FeedbackStatus.DUPLICATE && duplicateOf == null) {
            return Uni.createFrom()
                    .item(FeedbackResult.refused("input.duplicateOfId", "REQUIRED", "Say which report this one duplicates."));
        }
        UUID tenant = caller.tenantId();
        return report(tx, reportId).chain(report -> report == null
                ? Uni.createFrom().item(notFound())
                : gate.check(tx, caller, report.communityId, CommunityAction.ADMINISTER, "input.id").chain(access -> {
                    if (!access.allowed()) {
                        return Uni.createFrom().item(new FeedbackResult(null, List.of(access.refusal())));
                    }
                    Uni<Boolean> original = duplicateOf == null
                            ? Uni.createFrom().item(true)
                            : report(tx, duplicateOf).map(other -> other != null && !other.id.equals(report.id));
                    return original.chain(ok -> {
                        if (!ok) {
                            return Uni.createFrom().item(FeedbackResult.refused("input.duplicateOfId", "NOT_FOUND",
                                    "No other report of this tenant has this id."));
                        }
                        report.status = status;
                        report.duplicateOf = status == FeedbackStatus.DUPLICATE ? duplicateOf : null;
                        report.updatedAt = now();
                        return reports.flush()
                                .chain(() -> audit.record(tx, caller, "FEEDBACK_" + status, "FeedbackReport", report.id,
                                        report.title))
                                .map(ignored -> FeedbackResult.ok(report));
                    });
                }));
    }

    public Uni<Page<FeedbackReportEntity>> list(Tx tx, Caller caller, UUID communityId, FeedbackStatus status,
            FeedbackKind kind,
            FeedbackOrder order, PageRequest page) {
        return gate.check(tx, caller, communityId, CommunityAction.READ,
                "communityId").chain(
                        access -> access.allowed()
                                ? page(tx, communityId, status, kind, order, page)
                                : Uni.createFrom().item(Page.<FeedbackReportEntity>empty()));
    }

    private Uni<Page<FeedbackReportEntity>> page(Tx tx, UUID communityId, FeedbackStatus status, FeedbackKind kind,
            FeedbackOrder order, PageRequest page) {
        return reports.page(tx.tenantId(), communityId, status, kind, order, page);
    }

    private Uni<FeedbackReportEntity> report(Tx tx, UUID id) {
        return reports.findInTenant(tx.tenantId(), id);
    }

    private static FeedbackResult notFound() {
        return FeedbackResult.refused("input.id", "NOT_FOUND", "No report of this tenant has this id.");
    }
}
