package io.animo.content.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.audit.domain.AuditLog;
import io.animo.content.domain.ContentService.Author;
import io.animo.member.domain.CommunityRole;
import io.animo.member.domain.MemberStatus;
import io.animo.member.domain.MembershipRepository;
import io.animo.platform.graphql.ForbiddenException;
import io.animo.platform.graphql.TextFields;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.animo.rule.domain.ModerationOutcome;
import io.animo.rule.domain.Verdict;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What happens to content after it was posted: its author edits it (the new body passes the community's
 * rules again, the previous one is kept as a revision) or deletes it; moderators pin and lock threads.
 */
@ApplicationScoped
public class MessageActions {

    private final UnitOfWork unitOfWork;
    private final ContentRepository content;
    private final ContentService posting;
    private final MembershipRepository memberships;
    private final AuditLog audit;
    private final ReplyGuard replyGuard;
    private final ReviewRequests reviews;

    public MessageActions(UnitOfWork unitOfWork, ContentRepository content, ContentService posting,
            MembershipRepository memberships, AuditLog audit, ReplyGuard replyGuard, ReviewRequests reviews) {
        this.replyGuard = replyGuard;
        this.reviews = reviews;
        this.unitOfWork = unitOfWork;
        this.content = content;
        this.posting = posting;
        this.memberships = memberships;
        this.audit = audit;
    }

    /** A message its caller wrote and may still change, or why not. */
    private record Own(MessageEntity message, PostResult problem) {
    }

    /**
     * Edit by the author: rejected by the rules, nothing changes (a mute rule still mutes); held, the message
     * waits for a moderator again; an edit never releases a message that is already held.
     */
    public Uni<PostResult> edit(Caller caller, UUID messageId, String body) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.body", body, ContentService.BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> own(caller, messageId, "edit").chain(own -> own.problem() != null
                ? Uni.createFrom().item(own.problem())
                : content.thread(tenant, own.message().threadId).chain(thread -> thread.locked
                        ? Uni.createFrom().item(PostResult.refused("input.messageId", "LOCKED", "This thread is locked."))
                        : closedDebate(thread).chain(closed -> closed != null
                                ? Uni.createFrom().item(PostResult.refused("input.messageId", closed.code(), closed.message()))
                                : posting.author(caller, thread.communityId, false).chain(check -> check.userErrors() != null
                                        ? Uni.createFrom().item(onMessage(check.userErrors()))
                                        : posting.judge(check.author(), body)
                                                .chain(verdict -> apply(check.author(), thread, own.message(), body,
                                                        verdict)))))))
                .onFailure(MessageActions::concurrentChange).recoverWithItem(MessageActions::changedMeanwhile);
    }

    /** A closed debate is the record of what was said: its messages are no longer edited. */
    private Uni<UserError> closedDebate(ThreadEntity thread) {
        if (thread.kind != ThreadKind.DEBATE) {
            return Uni.createFrom().nullItem();
        }
        return replyGuard.check(thread, null)
                .map(problem -> problem != null && "DEBATE_CLOSED".equals(problem.code()) ? problem : null);
    }

    /** Two changes of one message at once: the loser's version check (or revision number) fails. */
    private static boolean concurrentChange(Throwable failure) {
        return OptimisticLocks.isStale(failure) || Constraints.isUniqueViolation(failure, null);
    }

    private static PostResult changedMeanwhile() {
        return PostResult.refused("input.messageId", "STALE_VERSION",
                "Someone changed this message at the same time. Reload it and try again.");
    }

    private Uni<PostResult> apply(Author author, ThreadEntity thread, MessageEntity message, String body,
            Verdict verdict) {
        if (verdict.outcome() == ModerationOutcome.REJECTED) {
            return posting.rejected(author, verdict).map(rejected -> new PostResult(thread, message,
                    ModerationOutcome.REJECTED, rejected.reasons(), List.of()));
        }
        Instant now = DbTime.now();
        return nextRevision(message).chain(number -> {
            MessageRevisionEntity revision = new MessageRevisionEntity();
            revision.tenantId = message.tenantId;
            revision.messageId = message.id;
            revision.revision = number;
            revision.body = message.body;
            revision.editedAt = now;
            message.body = body;
            message.editedAt = now;
            message.updatedAt = now;
            if (verdict.outcome() == ModerationOutcome.HELD) {
                message.status = ContentStatus.HELD;
            }
            message.flagged = message.flagged || verdict.outcome() == ModerationOutcome.FLAGGED;
            if (!verdict.hits().isEmpty()) {
                message.moderationNote = String.join(", ", ContentService.reasons(verdict));
            }
            return Panache.getSession().chain(session -> session.persist(revision).chain(session::flush))
                    .chain(() -> posting.review(message, verdict))
                    .chain(() -> Activities.record(message.tenantId, message.communityId, message.authorMemberId,
                            ActivityKind.MESSAGE_EDITED, now))
                    .map(ignored -> new PostResult(thread, message, verdict.outcome(), ContentService.reasons(verdict),
                            List.of()));
        });
    }

    /** Delete by the author: the row stays (replies keep their parent) with an empty body; history and reactions go. */
    public Uni<PostResult> delete(Caller caller, UUID messageId) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> own(caller, messageId, "delete").chain(own -> {
            if (own.problem() != null) {
                return Uni.createFrom().item(own.problem());
            }
            MessageEntity message = own.message();
            Instant now = DbTime.now();
            message.status = ContentStatus.DELETED;
            message.body = "";
            message.flagged = false;
            message.moderationNote = null;
            message.updatedAt = now;
            return Panache.getSession().chain(session -> session.flush()
                    .chain(() -> session.createMutationQuery(
                            "delete from MessageRevisionEntity where tenantId = :tenant and messageId = :message")
                            .setParameter("tenant", tenant).setParameter("message", message.id).executeUpdate())
                    .chain(() -> session.createMutationQuery(
                            "delete from MessageReactionEntity where tenantId = :tenant and messageId = :message")
                            .setParameter("tenant", tenant).setParameter("message", message.id).executeUpdate()))
                    .chain(() -> Activities.record(tenant, message.communityId, message.authorMemberId,
                            ActivityKind.MESSAGE_DELETED, now))
                    .chain(() -> reviews.withdrawn(message))
                    .chain(() -> content.thread(tenant, message.threadId))
                    .map(thread -> new PostResult(thread, message, null, List.of(), List.of()));
        })).onFailure(MessageActions::concurrentChange).recoverWithItem(MessageActions::changedMeanwhile);
    }

    private Uni<Own> own(Caller caller, UUID messageId, String verb) {
        UUID tenant = caller.tenantId();
        return content.message(tenant, messageId).chain(message -> posting.me(caller).map(me -> {
            if (message == null || !ContentRepository.visible(message, me, ContentService.seesHeld(caller))) {
                return problem("NOT_FOUND", "No message you can see has this id.");
            }
            if (!message.authorMemberId.equals(me)) {
                return problem("NOT_AUTHOR", "Only its author can " + verb + " this message.");
            }
            if (message.status == ContentStatus.DELETED) {
                return problem("DELETED", "This message was deleted.");
            }
            if (message.status == ContentStatus.REMOVED) {
                return problem("REMOVED", "A moderator removed this message.");
            }
            return new Own(message, null);
        }));
    }

    private static Own problem(String code, String message) {
        return new Own(null, PostResult.refused("input.messageId", code, message));
    }

    /** The author checks speak of the community; here the caller named a message. */
    private static PostResult onMessage(PostResult refused) {
        return PostResult.refused(refused.userErrors().stream()
                .map(error -> UserError.of("input.messageId", error.code(), error.message())).toList());
    }

    private static Uni<Integer> nextRevision(MessageEntity message) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select coalesce(max(revision), 0) from MessageRevisionEntity where tenantId = :tenant and messageId = :message",
                Integer.class).setParameter("tenant", message.tenantId).setParameter("message", message.id)
                .getSingleResult()).map(last -> last + 1);
    }

    /** Previous bodies of each message, newest first, in one query. */
    public Uni<Map<UUID, List<MessageRevisionEntity>>> history(Caller caller, Collection<UUID> messageIds) {
        if (messageIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> Panache.getSession().chain(session -> session.createSelectionQuery(
                "from MessageRevisionEntity where tenantId = :tenant and messageId in :ids order by revision desc",
                MessageRevisionEntity.class).setParameter("tenant", tenant).setParameter("ids", messageIds)
                .getResultList())).map(rows -> {
                    Map<UUID, List<MessageRevisionEntity>> byMessage = new LinkedHashMap<>();
                    rows.forEach(row -> byMessage.computeIfAbsent(row.messageId, id -> new ArrayList<>()).add(row));
                    return byMessage;
                });
    }

    public Uni<ThreadResult> pin(Caller caller, UUID threadId, boolean pinned) {
        return moderate(caller, threadId, thread -> {
            if (thread.pinned == pinned) {
                return false;
            }
            thread.pinned = pinned;
            return true;
        }, pinned ? "THREAD_PINNED" : "THREAD_UNPINNED");
    }

    public Uni<ThreadResult> lock(Caller caller, UUID threadId, boolean locked) {
        return moderate(caller, threadId, thread -> {
            if (thread.locked == locked) {
                return false;
            }
            thread.locked = locked;
            return true;
        }, locked ? "THREAD_LOCKED" : "THREAD_UNLOCKED");
    }

    private interface ThreadChange {
        /** Changes the thread; false when it already was as asked (nothing written, nothing audited). */
        boolean apply(ThreadEntity thread);
    }

    /**
     * Tenant admins, community managers and moderators, and the community's owners and moderators. Anyone else
     * who can see the thread gets FORBIDDEN (a GraphQL error, like a missing tenant role).
     */
    private Uni<ThreadResult> moderate(Caller caller, UUID threadId, ThreadChange change, String action) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> content.thread(tenant, threadId).chain(thread -> posting.me(caller)
                .chain(me -> {
                    if (thread == null || !ContentRepository.visible(thread, me, ContentService.seesHeld(caller))) {
                        return Uni.createFrom().item(ThreadResult.refused("input.threadId", "NOT_FOUND",
                                "No thread you can see has this id."));
                    }
                    return moderates(caller, thread, me).chain(allowed -> {
                        if (!allowed) {
                            return Uni.createFrom().failure(new ForbiddenException("Pinning and locking threads needs the"
                                    + " tenant-admin, community-manager or moderator role, or the OWNER or MODERATOR role"
                                    + " in the thread's community."));
                        }
                        if (!change.apply(thread)) {
                            return Uni.createFrom().item(ThreadResult.ok(thread));
                        }
                        thread.updatedAt = DbTime.now();
                        return Panache.getSession().chain(session -> session.flush())
                                .chain(() -> audit.record(caller, action, "Thread", thread.id, "Thread \"" + thread.title
                                        + "\""))
                                .map(ignored -> ThreadResult.ok(thread));
                    });
                }))).onFailure(OptimisticLocks::isStale).recoverWithItem(() -> ThreadResult.refused("input.threadId",
                        "STALE_VERSION", "Someone changed this thread at the same time. Reload it and try again."));
    }

    private Uni<Boolean> moderates(Caller caller, ThreadEntity thread, UUID me) {
        if (caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR)) {
            return Uni.createFrom().item(true);
        }
        if (me == null) {
            return Uni.createFrom().item(false);
        }
        return memberships.find(caller.tenantId(), thread.communityId, me)
                .map(membership -> membership != null && membership.status != MemberStatus.BANNED
                        && (membership.role == CommunityRole.OWNER || membership.role == CommunityRole.MODERATOR));
    }
}
