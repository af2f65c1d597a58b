package io.animo.feedback.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.community.domain.CommunityRepository;
import io.animo.content.domain.ContentRepository;
import io.animo.member.domain.CommunityReaders;
import io.animo.member.domain.MemberEntity;
import io.animo.member.domain.MemberRepository;
import io.animo.member.domain.MembershipRepository;
import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.Caller;
import io.animo.rule.domain.RuleSeverity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Bug reports and suggestions: members report and vote, staff triage (each triage audited). */
@ApplicationScoped
public class FeedbackService {

    private final UnitOfWork unitOfWork;
    private final CommunityRepository communities;
    private final MemberRepository members;
    private final ContentRepository content;
    private final AuditLog audit;
    private final MembershipRepository memberships;
    private final CommunityReaders readers;

    public FeedbackService(UnitOfWork unitOfWork, CommunityRepository communities, MemberRepository members,
            ContentRepository content, AuditLog audit, MembershipRepository memberships, CommunityReaders readers) {
        this.memberships = memberships;
        this.readers = readers;
        this.unitOfWork = unitOfWork;
        this.communities = communities;
        this.members = members;
        this.content = content;
        this.audit = audit;
    }

    public Uni<FeedbackResult> create(Caller caller, UUID communityId, FeedbackKind kind, String title, String body,
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
        return unitOfWork.inTenant(tenant,
                () -> communities.findInTenant(tenant, communityId).chain(community -> community == null
                        ? Uni.createFrom()
                                .item(FeedbackResult.refused("input.communityId", "NOT_FOUND",
                                        "No community of this tenant has this id."))
                        : members.findBySubject(tenant, caller.subject())
                                .chain(me -> me == null
                                        ? Uni.createFrom().<MemberEntity>nullItem()
                                        : memberships.find(tenant, communityId, me.id)
                                                .map(joined -> joined == null ? null : me))
                                .chain(me -> me == null
                                        ? Uni.createFrom().item(notAMember())
                                        : linkedMessage(tenant, messageId, communityId).chain(linkOk -> {
                                            if (!linkOk) {
                                                return Uni.createFrom()
                                                        .item(FeedbackResult.refused("input.messageId", "NOT_FOUND",
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
                                            report.reporterMemberId = me.id;
                                            report.createdAt = now;
                                            report.updatedAt = now;
                                            return Panache.getSession().chain(session -> session.persist(report))
                                                    .map(ignored -> FeedbackResult.ok(report));
                                        }))));
    }

    private Uni<Boolean> linkedMessage(UUID tenant, UUID messageId, UUID communityId) {
        return messageId == null
                ? Uni.createFrom().item(true)
                : content.message(tenant, messageId).map(message -> message != null && message.communityId.equals(communityId));
    }

    public Uni<FeedbackResult> vote(Caller caller, UUID reportId) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> report(tenant, reportId).chain(report -> report == null
                ? Uni.createFrom().item(notFound())
                : members.findBySubject(tenant, caller.subject()).chain(me -> readers.mayRead(caller, report.communityId,
                        me == null ? null : me.id).chain(readable -> {
                            if (!readable) {
                                return Uni.createFrom().item(notFound());
                            }
                            if (me == null) {
                                return Uni.createFrom().item(notAMember());
                            }
                            FeedbackVoteEntity vote = new FeedbackVoteEntity();
                            vote.tenantId = tenant;
                            vote.reportId = reportId;
                            vote.memberId = me.id;
                            vote.createdAt = now();
                            report.votes++;
                            report.updatedAt = now();
                            return Panache.getSession().chain(session -> session.persist(vote).chain(session::flush))
                                    .map(ignored -> FeedbackResult.ok(report));
                        }))))
                .onFailure(failure -> Constraints.isUniqueViolation(failure, null))
                .recoverWithItem(
                        () -> FeedbackResult.refused("input.id", "ALREADY_VOTED", "You already voted for this report."));
    }

    public Uni<FeedbackResult> triage(Caller caller, UUID reportId, FeedbackStatus status, UUID duplicateOf) {
        if (status == FeedbackStatus.DUPLICATE && duplicateOf == null) {
            return Uni.createFrom()
                    .item(FeedbackResult.refused("input.duplicateOfId", "REQUIRED", "Say which report this one duplicates."));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> report(tenant, reportId).chain(report -> {
            if (report == null) {
                return Uni.createFrom().item(notFound());
            }
            Uni<Boolean> original = duplicateOf == null
                    ? Uni.createFrom().item(true)
                    : report(tenant, duplicateOf).map(other -> other != null && !other.id.equals(report.id));
            return original.chain(ok -> {
                if (!ok) {
                    return Uni.createFrom().item(FeedbackResult.refused("input.duplicateOfId", "NOT_FOUND",
                            "No other report of this tenant has this id."));
                }
                report.status = status;
                report.duplicateOf = status == FeedbackStatus.DUPLICATE ? duplicateOf : null;
                report.updatedAt = now();
                return Panache.getSession().chain(session -> session.flush())
                        .chain(() -> audit.record(caller, "FEEDBACK_" + status, "FeedbackReport", report.id, report.title))
                        .map(ignored -> FeedbackResult.ok(report));
            });
        }));
    }

    public Uni<Page<FeedbackReportEntity>> list(Caller caller, UUID communityId, FeedbackStatus status, FeedbackKind kind,
            FeedbackOrder order, PageRequest page) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> members.findBySubject(tenant, caller.subject())
                .chain(me -> readers.mayRead(caller, communityId, me == null ? null : me.id))
                .chain(readable -> readable
                        ? page(tenant, communityId, status, kind, order, page)
                        : Uni.createFrom().item(Page.<FeedbackReportEntity>empty())));
    }

    private Uni<Page<FeedbackReportEntity>> page(UUID tenant, UUID communityId, FeedbackStatus status, FeedbackKind kind,
            FeedbackOrder order, PageRequest page) {
        return Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community"));
            if (status != null) {
                where.add("status = :status");
            }
            if (kind != null) {
                where.add("kind = :kind");
            }
            boolean byVotes = order == FeedbackOrder.VOTES;
            TimeKeyset keyset = TimeKeyset.newestFirst(page, "createdAt", "id");
            Cursor cursor = keyset.cursor();
            if (cursor != null) {
                String more = keyset.ascending() ? ">" : "<";
                where.add(byVotes
                        ? "(votes " + more + " :votes or (votes = :votes and " + keyset.condition() + "))"
                        : keyset.condition());
            }
            String orderBy = (byVotes ? "votes " + (keyset.ascending() ? "asc" : "desc") + ", " : "") + keyset.orderBy();
            var query = session.createSelectionQuery("from FeedbackReportEntity where " + String.join(" and ", where)
                    + " order by " + orderBy, FeedbackReportEntity.class)
                    .setParameter("tenant", tenant).setParameter("community", communityId).setMaxResults(page.fetchSize());
            if (status != null) {
                query.setParameter("status", status);
            }
            if (kind != null) {
                query.setParameter("kind", kind);
            }
            if (cursor != null) {
                String[] parts = cursor.sortValue().split("\\|", 2);
                query.setParameter("at", Instant.parse(parts[1])).setParameter("cursorId", cursor.id());
                if (byVotes) {
                    query.setParameter("votes", Integer.parseInt(parts[0]));
                }
            }
            return query.getResultList().map(rows -> Page.of(rows, page, FeedbackService::cursorOf, -1));
        });
    }

    public static Cursor cursorOf(FeedbackReportEntity report) {
        return new Cursor(report.votes + "|" + report.createdAt, report.id);
    }

    private Uni<FeedbackReportEntity> report(UUID tenant, UUID id) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from FeedbackReportEntity where tenantId = :tenant and id = :id", FeedbackReportEntity.class)
                .setParameter("tenant", tenant).setParameter("id", id).getSingleResultOrNull());
    }

    private static FeedbackResult notFound() {
        return FeedbackResult.refused("input.id", "NOT_FOUND", "No report of this tenant has this id.");
    }

    private static FeedbackResult notAMember() {
        return FeedbackResult.refused("input.communityId", "NOT_A_MEMBER", "Join a community before reporting or voting.");
    }
}
