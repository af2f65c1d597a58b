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
import io.animo.content.domain.ContentService.FoundMessage;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.platform.graphql.ForbiddenException;
import io.animo.platform.graphql.TextFields;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.rule.domain.ModerationOutcome;
import io.animo.rule.domain.Verdict;
import io.animo.sentiment.domain.SentimentAnalyzer;
import io.smallrye.mutiny.Uni;

/**
 * What happens to content after it was posted: its author edits it (the new body passes the community's
 * rules again, the previous one is kept as a revision) or deletes it; moderators pin and lock threads.
 * Every action passes the community gate first.
 */
@ApplicationScoped
public class MessageActions {

    /** Edits one message keeps: past it, post a new message (slow mode and the request budget pace edits too). */
    public static final int MAX_REVISIONS = 100;

    private final ContentRepository content;
    private final ReactionRepository reactions;
    private final ContentService posting;
    private final CommunityGate gate;
    private final AuditLog audit;
    private final ReplyGuard replyGuard;
    private final ReviewRequests reviews;
    private final SentimentAnalyzer sentiments;

    public MessageActions(ContentRepository content, ReactionRepository reactions, ContentService posting,
            CommunityGate gate, AuditLog audit, ReplyGuard replyGuard, ReviewRequests reviews, SentimentAnalyzer sentiments) {
        this.content = content;
        this.reactions = reactions;
        this.posting = posting;
        this.gate = gate;
        this.audit = audit;
        this.replyGuard = replyGuard;
        this.reviews = reviews;
        this.sentiments = sentiments;
    }

    /**
     * Edit by the author: rejected by the rules, nothing changes (a mute rule still mutes); held, the message
     * waits for a moderator again; an edit never releases a message that is already held.
     */
    public Uni<PostResult> edit(Tx tx, Caller caller, UUID messageId, String body) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.body", body, ContentService.BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        UUID tenant = caller.tenantId();
        tx.recover(MessageActions::concurrentChange, () -> Uni.createFrom().item(changedMeanwhile()));
        return own(tx, caller, messageId, "edit").chain(own -> own.problem() != null
                ? Uni.createFrom().item(PostResult.refused(List.of(own.problem())))
                : content.thread(tenant, own.message().threadId).chain(thread -> thread.locked
                        ? Uni.createFrom().item(PostResult.refused("input.messageId", "LOCKED", "This thread is locked."))
                        : closedDebate(tx, thread).chain(closed -> closed != null
                                ? Uni.createFrom().item(PostResult.refused("input.messageId", closed.code(), closed.message()))
                                : editAllowed(tx, caller, own, thread, body))));
    }

    private Uni<PostResult> editAllowed(Tx tx, Caller caller, FoundMessage own, ThreadEntity thread, String body) {
        MessageEntity message = own.message();
        return gate.checkAs(tx, caller, own.access().member(), message.communityId, CommunityAction.EDIT, "input.messageId")
                .chain(access -> !access.allowed()
                        ? Uni.createFrom().item(PostResult.refused(List.of(access.refusal())))
                        : content.nextRevision(message).chain(number -> number > MAX_REVISIONS
                                ? Uni.createFrom().item(PostResult.refused("input.messageId", "TOO_MANY_EDITS",
                                        "This message was edited " + MAX_REVISIONS + " times: post a new message instead."))
                                : posting.judge(tx, Author.of(access), body)
                                        .chain(verdict -> apply(tx, Author.of(access), thread, message, body, verdict,
                                                number))));
    }

    /** A closed debate is the record of what was said: its messages are no longer edited. */
    private Uni<UserError> closedDebate(Tx tx, ThreadEntity thread) {
        if (thread.kind != ThreadKind.DEBATE) {
            return Uni.createFrom().nullItem();
        }
        return replyGuard.check(tx, thread, null)
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

    private Uni<PostResult> apply(Tx tx, Author author, ThreadEntity thread, MessageEntity message, String body,
            Verdict verdict, int number) {
        if (verdict.outcome() == ModerationOutcome.REJECTED) {
            return posting.rejected(tx, author, verdict).map(rejected -> new PostResult(thread, message,
                    ModerationOutcome.REJECTED, rejected.reasons(), List.of()));
        }
        Instant now = DbTime.now();
        MessageRevisionEntity revision = new MessageRevisionEntity();
        revision.tenantId = message.tenantId;
        revision.messageId = message.id;
        revision.revision = number;
        revision.body = message.body;
        revision.editedAt = now;
        message.body = body;
        message.feel(sentiments.analyze(body));
        message.editedAt = now;
        message.updatedAt = now;
        if (verdict.outcome() == ModerationOutcome.HELD) {
            message.status = ContentStatus.HELD;
        }
        message.flagged = message.flagged || verdict.outcome() == ModerationOutcome.FLAGGED;
        if (!verdict.hits().isEmpty()) {
            message.moderationNote = String.join(", ", ContentService.reasons(verdict));
        }
        return content.persistRevisionAndFlush(revision)
                .chain(() -> posting.review(tx, message, verdict))
                .chain(() -> Activities.record(tx, message.communityId, message.authorMemberId, ActivityKind.MESSAGE_EDITED,
                        now))
                .map(ignored -> new PostResult(thread, message, verdict.outcome(), ContentService.reasons(verdict),
                        List.of()));
    }

    /** Delete by the author: the row stays (replies keep their parent) with an empty body; history and reactions go. */
    public Uni<PostResult> delete(Tx tx, Caller caller, UUID messageId) {
        tx.recover(MessageActions::concurrentChange, () -> Uni.createFrom().item(changedMeanwhile()));
        return own(tx, caller, messageId, "delete").chain(own -> {
            if (own.problem() != null) {
                return Uni.createFrom().item(PostResult.refused(List.of(own.problem())));
            }
            return gate.checkAs(tx, caller, own.access().member(), own.message().communityId, CommunityAction.WITHDRAW,
                    "input.messageId").chain(
                            access -> access.allowed()
                                    ? deleteAllowed(tx, own.message())
                                    : Uni.createFrom().item(PostResult.refused(List.of(access.refusal()))));
        });
    }

    private Uni<PostResult> deleteAllowed(Tx tx, MessageEntity message) {
        UUID tenant = tx.tenantId();
        Instant now = DbTime.now();
        message.status = ContentStatus.DELETED;
        message.body = "";
        message.flagged = false;
        message.moderationNote = null;
        message.updatedAt = now;
        return content.flush()
                .chain(() -> content.deleteRevisions(tenant, message.id))
                .chain(() -> reactions.deleteOfMessage(tenant, message.id))
                .chain(() -> Activities.record(tx, message.communityId, message.authorMemberId, ActivityKind.MESSAGE_DELETED,
                        now))
                .chain(() -> reviews.withdrawn(tx, message))
                .chain(() -> content.thread(tenant, message.threadId))
                .map(thread -> new PostResult(thread, message, null, List.of(), List.of()));
    }

    /** A message the caller may read, wrote, and may still change; or why not. */
    private Uni<FoundMessage> own(Tx tx, Caller caller, UUID messageId, String verb) {
        return posting.readableMessage(tx, caller, messageId, CommunityAction.READ).map(found -> {
            if (found.problem() != null) {
                return found;
            }
            MessageEntity message = found.message();
            UUID me = found.access().member() == null ? null : found.access().member().id;
            if (!message.authorMemberId.equals(me)) {
                return problem(found, "NOT_AUTHOR", "Only its author can " + verb + " this message.");
            }
            if (message.status == ContentStatus.DELETED) {
                return problem(found, "DELETED", "This message was deleted.");
            }
            if (message.status == ContentStatus.REMOVED) {
                return problem(found, "REMOVED", "A moderator removed this message.");
            }
            return found;
        });
    }

    private static FoundMessage problem(FoundMessage found, String code, String message) {
        return new FoundMessage(null, found.access(), UserError.of("input.messageId", code, message));
    }

    /**
     * The newest {@code limit} previous bodies of each message the caller may read, newest first, in one query
     * (whatever ids are asked for: a message a mutation returned is checked like a page's).
     */
    public Uni<Map<UUID, List<MessageRevisionEntity>>> history(Tx tx, Caller caller, Collection<UUID> messageIds, int limit) {
        if (messageIds.isEmpty() || limit <= 0) {
            return Uni.createFrom().item(Map.of());
        }
        UUID tenant = caller.tenantId();
        return posting.readableMessages(tx, caller, messageIds)
                .chain(readable -> readable.ids().isEmpty()
                        ? Uni.createFrom().item(List.<MessageRevisionEntity>of())
                        : content.revisions(tenant, readable.ids(), limit))
                .map(rows -> {
                    Map<UUID, List<MessageRevisionEntity>> byMessage = new LinkedHashMap<>();
                    rows.forEach(row -> byMessage.computeIfAbsent(row.messageId, id -> new ArrayList<>()).add(row));
                    return byMessage;
                });
    }

    public Uni<ThreadResult> pin(Tx tx, Caller caller, UUID threadId, boolean pinned) {
        return moderate(tx, caller, threadId, thread -> {
            if (thread.pinned == pinned) {
                return false;
            }
            thread.pinned = pinned;
            return true;
        }, pinned ? "THREAD_PINNED" : "THREAD_UNPINNED");
    }

    public Uni<ThreadResult> lock(Tx tx, Caller caller, UUID threadId, boolean locked) {
        return moderate(tx, caller, threadId, thread -> {
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
     * Whom the gate lets moderate the community: the staff, and its owners and moderators in good standing.
     * Anyone else who can see the thread gets FORBIDDEN (a GraphQL error, like a missing tenant role).
     */
    private Uni<ThreadResult> moderate(Tx tx, Caller caller, UUID threadId, ThreadChange change, String action) {
        tx.recover(OptimisticLocks::isStale, () -> Uni.createFrom().item(ThreadResult.refused("input.threadId",
                "STALE_VERSION", "Someone changed this thread at the same time. Reload it and try again.")));
        return posting.readableThread(tx, caller, threadId).chain(found -> {
            if (found == null) {
                return Uni.createFrom().item(ThreadResult.refused("input.threadId", "NOT_FOUND",
                        "No thread you can see has this id."));
            }
            ThreadEntity thread = found.thread();
            return gate.checkAs(tx, caller, found.access().member(), thread.communityId, CommunityAction.MODERATE,
                    "input.threadId").chain(access -> {
                        if (!access.allowed() && "NOT_ALLOWED".equals(access.refusal().code())) {
                            return Uni.createFrom().failure(new ForbiddenException(access.refusal().message()));
                        }
                        if (!access.allowed()) {
                            return Uni.createFrom().item(new ThreadResult(null, List.of(access.refusal())));
                        }
                        if (!change.apply(thread)) {
                            return Uni.createFrom().item(ThreadResult.ok(thread));
                        }
                        thread.updatedAt = DbTime.now();
                        return content.flush()
                                .chain(() -> audit.record(tx, caller, action, "Thread", thread.id,
                                        "Thread \"" + thread.title + "\""))
                                .map(ignored -> ThreadResult.ok(thread));
                    });
        });
    }
}
