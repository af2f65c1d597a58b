package io.animo.feedback.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.content.domain.ContentRepository;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.ScoreTimeKeyset;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.rule.domain.RuleSeverity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Bug reports and suggestions: members report and vote, staff triage (each triage audited). */
@ApplicationScoped
public class FeedbackService {

    private static final String REPORTS = "feedback:";

    private final ContentRepository content;
    private final AuditLog audit;
    private final CommunityGate gate;

    public FeedbackService(ContentRepository content, AuditLog audit, CommunityGate gate) {
        this.content = content;
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
                        return Panache.getSession().chain(session -> session.persist(report))
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
                    return Panache.getSession().chain(session -> session.persist(vote).chain(session::flush)
                            .chain(() -> session.createMutationQuery("update FeedbackReportEntity set votes = votes + 1,"
                                    + " updatedAt = :now where tenantId = :tenant and id = :id")
                                    .setParameter("now", now()).setParameter("tenant", tenant).setParameter("id", reportId)
                                    .executeUpdate())
                            .chain(() -> session.refresh(report)))
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
                        return Panache.getSession().chain(session -> session.flush())
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
        String ordering = REPORTS + order;
        ScoreTimeKeyset byVotes = order == FeedbackOrder.VOTES
                ? ScoreTimeKeyset.highestThenNewest(page, ordering, "votes", "createdAt", "id")
                : null;
        TimeKeyset byAge = byVotes == null ? TimeKeyset.newestFirst(page, ordering, "createdAt", "id") : null;
        return Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community"));
            if (status != null) {
                where.add("status = :status");
            }
            if (kind != null) {
                where.add("kind = :kind");
            }
            boolean continues = byVotes != null ? byVotes.hasCursor() : byAge.cursor() != null;
            if (continues) {
                where.add(byVotes != null ? byVotes.condition() : byAge.condition());
            }
            var query = session.createSelectionQuery("from FeedbackReportEntity where " + String.join(" and ", where)
                    + " order by " + (byVotes != null ? byVotes.orderBy() : byAge.orderBy()), FeedbackReportEntity.class)
                    .setParameter("tenant", tx.tenantId()).setParameter("community", communityId)
                    .setMaxResults(page.fetchSize());
            if (status != null) {
                query.setParameter("status", status);
            }
            if (kind != null) {
                query.setParameter("kind", kind);
            }
            if (byVotes != null && continues) {
                query.setParameter("score", byVotes.score()).setParameter("at", byVotes.at())
                        .setParameter("cursorId", byVotes.cursorId());
            } else if (continues) {
                query.setParameter("at", byAge.at()).setParameter("cursorId", byAge.cursorId());
            }
            return query.getResultList().map(rows -> Page.of(rows, page, report -> cursorOf(ordering, order, report), -1));
        });
    }

    private static Cursor cursorOf(String ordering, FeedbackOrder order, FeedbackReportEntity report) {
        return order == FeedbackOrder.VOTES
                ? ScoreTimeKeyset.cursorOf(ordering, report.votes, report.createdAt, report.id)
                : TimeKeyset.cursorOf(ordering, report.createdAt, report.id);
    }

    private static Uni<FeedbackReportEntity> report(Tx tx, UUID id) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from FeedbackReportEntity where tenantId = :tenant and id = :id", FeedbackReportEntity.class)
                .setParameter("tenant", tx.tenantId()).setParameter("id", id).getSingleResultOrNull());
    }

    private static FeedbackResult notFound() {
        return FeedbackResult.refused("input.id", "NOT_FOUND", "No report of this tenant has this id.");
    }
}
