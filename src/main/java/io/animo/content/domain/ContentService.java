package io.animo.content.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.community.domain.CommunityEntity;
import io.animo.content.domain.ContentRepository.ThreadPresence;
import io.animo.member.domain.CommunityAccess;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.member.domain.CommunityPresence;
import io.animo.member.domain.CommunityRole;
import io.animo.member.domain.MemberEntity;
import io.animo.member.domain.MemberRepository;
import io.animo.member.domain.MemberStatus;
import io.animo.member.domain.MembershipEntity;
import io.animo.member.domain.MembershipRepository;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TextFields;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.MutationReceipts;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.animo.rule.domain.ModerationOutcome;
import io.animo.rule.domain.PostingContext;
import io.animo.rule.domain.RuleAction;
import io.animo.rule.domain.RuleHit;
import io.animo.rule.domain.RuleSets;
import io.animo.rule.domain.RuleSeverity;
import io.animo.rule.domain.Verdict;
import io.animo.sanction.domain.SanctionService;
import io.animo.sentiment.domain.SentimentAnalyzer;
import io.smallrye.mutiny.Uni;

/**
 * Posting: every thread and message passes the community gate (membership, standing, crisis modes,
 * guidelines, slow mode) and then the community's rules (tenant-wide and its own) before it is stored;
 * the verdict decides whether members see it, whether it waits for a moderator, or whether it is
 * refused, and may mute its author. Each stored post records an activity.
 */
@ApplicationScoped
public class ContentService {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 10_000;
    static final String INGEST = "messageIngest";

    private final ContentRepository content;
    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final CommunityGate gate;
    private final RuleSets ruleSets;
    private final ReviewRequests reviews;
    private final ReplyGuard replyGuard;
    private final SanctionService sanctions;
    private final MutationReceipts receipts;
    private final SentimentAnalyzer sentiments;

    public ContentService(ContentRepository content, MemberRepository members,
            MembershipRepository memberships, CommunityGate gate, RuleSets ruleSets, ReviewRequests reviews,
            ReplyGuard replyGuard, SanctionService sanctions, MutationReceipts receipts, SentimentAnalyzer sentiments) {
        this.content = content;
        this.members = members;
        this.memberships = memberships;
        this.gate = gate;
        this.ruleSets = ruleSets;
        this.reviews = reviews;
        this.replyGuard = replyGuard;
        this.sanctions = sanctions;
        this.receipts = receipts;
        this.sentiments = sentiments;
    }

    /** Who posts where, once the gate let them: a member in good standing of an active community. */
    record Author(MemberEntity member, MembershipEntity membership, CommunityEntity community) {

        static Author of(CommunityAccess access) {
            return new Author(access.member(), access.membership(), access.community());
        }
    }

    public Uni<PostResult> createThread(Tx tx, Caller caller, UUID communityId, ThreadKind kind, String title, String body) {
        if (kind == ThreadKind.DEBATE || kind == ThreadKind.POLL) {
            return Uni.createFrom().item(PostResult.refused("input.kind", "NOT_ALLOWED",
                    "Start debates with debateCreate and polls with pollCreate."));
        }
        return createThread(tx, caller, communityId, kind, title, body, (unit, thread) -> Uni.createFrom().voidItem());
    }

    /**
     * A thread whose feature stores more rows (a debate, a poll): {@code extras} runs in the same transaction once
     * the thread and its first message are stored, and only if the rules let them through.
     */
    public Uni<PostResult> createThread(Tx tx, Caller caller, UUID communityId, ThreadKind kind, String title, String body,
            BiFunction<Tx, ThreadEntity, Uni<Void>> extras) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.title", title, TITLE_MAX);
        TextFields.check(errors, "input.body", body, BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        UUID tenant = caller.tenantId();
        return gate.check(tx, caller, communityId, CommunityAction.POST, "input.communityId")
                .chain(access -> {
                    if (!access.allowed()) {
                        return Uni.createFrom().item(PostResult.refused(List.of(access.refusal())));
                    }
                    Author author = Author.of(access);
                    if (kind == ThreadKind.ANNOUNCEMENT && !staff(caller) && author.membership().role == CommunityRole.MEMBER) {
                        return Uni.createFrom().item(PostResult.refused("input.kind", "NOT_ALLOWED",
                                "Announcements are for the community's owners and moderators."));
                    }
                    return judge(tx, author, title.strip() + "\n" + body).chain(verdict -> verdict
                            .outcome() == ModerationOutcome.REJECTED
                                    ? rejected(tx, author, verdict)
                                    : storeThread(tx, author, kind, title, body, verdict, extras));
                });
    }

    private Uni<PostResult> storeThread(Tx tx, Author author, ThreadKind kind, String title, String body, Verdict verdict,
            BiFunction<Tx, ThreadEntity, Uni<Void>> extras) {
        Instant now = now();
        ThreadEntity thread = new ThreadEntity();
        thread.id = UUID.randomUUID();
        thread.tenantId = tx.tenantId();
        thread.communityId = author.community().id;
        thread.kind = kind;
        thread.title = title.strip();
        thread.authorMemberId = author.member().id;
        thread.status = status(verdict);
        thread.createdAt = now;
        thread.updatedAt = now;
        MessageEntity opening = message(author, thread.id, null, body, verdict, now);
        opening.feel(sentiments.analyze(title.strip() + "\n" + body));
        return content.persistThread(thread, opening)
                .chain(() -> extras.apply(tx, thread))
                .chain(() -> review(tx, opening, verdict))
                .chain(() -> Activities.record(tx, thread.communityId, author.member().id, ActivityKind.THREAD_CREATED, now,
                        opening.id, opening.sentiment))
                .map(ignored -> new PostResult(thread, opening, verdict.outcome(), reasons(verdict), List.of()));
    }

    /** {@code sideId}: in a debate thread, the side the message takes (optional). */
    public Uni<PostResult> postMessage(Tx tx, Caller caller, UUID threadId, UUID parentId, String body, UUID sideId) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.body", body, BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        Poster poster = new Poster(seesHeld(caller), false,
                (unit, id) -> content.readThreadWithPresence(unit, id, caller.subject()),
                (unit, thread, found) -> gate.decide(unit, caller, found, CommunityAction.POST, "input.threadId"));
        return postWithin(tx, threadId, parentId, sideId, body, poster);
    }

    /**
     * A message an integration's service account ingests for an author known only by an external handle
     * (an account of a listened-to forum): the author's member profile and membership are created on first
     * use, once nothing about the community refuses the message, and then it goes through the same gate
     * and rules as any post.
     */
    public Uni<PostResult> ingestMessage(Tx tx, Caller caller, UUID threadId, UUID parentId, ExternalAuthor external,
            String body, String clientMutationId) {
        List<UserError> errors = new ArrayList<>(external.validate());
        TextFields.check(errors, "input.body", body, BODY_MAX);
        errors.addAll(MutationReceipts.validate(clientMutationId));
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        Poster poster = new Poster(false, true, (unit, id) -> content.readThread(unit, id).chain(thread -> thread == null
                ? Uni.createFrom().item(new ThreadPresence(null, null))
                : members.findByExternalHandle(unit.tenantId(), external.handle())
                        .map(found -> new ThreadPresence(thread, new CommunityPresence(null, found, null)))),
                (unit, thread, found) -> gate.checkCommunity(unit, thread.communityId, CommunityAction.POST, "input.threadId")
                        .chain(community -> !community.allowed()
                                ? Uni.createFrom().item(community)
                                : externalMember(unit, community.community(), external, found.member())
                                        .chain(member -> gate.checkAs(unit, caller, member, thread.communityId,
                                                CommunityAction.POST, "input.threadId"))));
        tx.recover(failure -> Constraints.isUniqueViolation(failure, null),
                () -> Uni.createFrom().item(PostResult.refused("input.externalHandle", "RETRY",
                        "Another request created this author, or sent this message, at the same moment: send it again.")));
        return receipts.find(tx, caller, INGEST, clientMutationId)
                .chain(previous -> previous.isPresent()
                        ? replay(tx, previous.get())
                        : postWithin(tx, threadId, parentId, null, body, poster)
                                .call(result -> result.message() == null
                                        ? Uni.createFrom().voidItem()
                                        : receipts.record(tx, caller, INGEST, clientMutationId, result.message().id)));
    }

    /** The same message again for a retried request, as it is now. */
    private Uni<PostResult> replay(Tx tx, UUID messageId) {
        return content.message(tx.tenantId(), messageId).chain(message -> content.thread(tx.tenantId(), message.threadId)
                .map(thread -> new PostResult(thread, message, message.status == ContentStatus.HELD
                        ? ModerationOutcome.HELD
                        : message.flagged ? ModerationOutcome.FLAGGED : ModerationOutcome.PUBLISHED,
                        message.moderationNote == null ? List.of() : List.of(message.moderationNote.split(", ")),
                        List.of())));
    }

    /** How the poster is let in: the checks that can refuse run before anything is created for a new author. */
    private interface Admission {
        Uni<CommunityAccess> admit(Tx tx, ThreadEntity thread, CommunityPresence found);
    }

    /**
     * Who posts: whether they see held content, how the thread is read with their member profile (if they already
     * have one), and how the gate lets them in. {@code ingested}: an integration brings the message from a
     * listened-to community (a mention).
     */
    private record Poster(boolean seesHeld, boolean ingested, BiFunction<Tx, UUID, Uni<ThreadPresence>> thread,
            Admission admission) {
    }

    private Uni<PostResult> postWithin(Tx tx, UUID threadId, UUID parentId, UUID sideId, String body, Poster poster) {
        return poster.thread().apply(tx, threadId).chain(read -> {
            ThreadEntity thread = read.thread();
            if (thread == null) {
                return Uni.createFrom().item(noThread());
            }
            CommunityPresence found = read.presence();
            UUID me = found.member() == null ? null : found.member().id;
            if (!ContentRepository.visible(thread, me, poster.seesHeld())) {
                return Uni.createFrom().item(noThread());
            }
            if (thread.locked) {
                return Uni.createFrom().item(PostResult.refused("input.threadId", "LOCKED", "This thread is locked."));
            }
            Uni<MessageEntity> parent = parentId == null
                    ? Uni.createFrom().nullItem()
                    : content.readMessage(tx, parentId);
            return parent.chain(replied -> {
                String problem = parentProblem(parentId, replied, thread, me, poster.seesHeld());
                if (problem != null) {
                    return Uni.createFrom().item(PostResult.refused("input.parentId", "INVALID_PARENT", problem));
                }
                Uni<UserError> sideProblem = sideId != null || thread.kind == ThreadKind.DEBATE
                        ? replyGuard.check(tx, thread, sideId)
                        : Uni.createFrom().nullItem();
                return sideProblem.chain(refusal -> refusal != null
                        ? Uni.createFrom().item(PostResult.refused(List.of(refusal)))
                        : poster.admission().admit(tx, thread, found)
                                .chain(access -> !access.allowed()
                                        ? Uni.createFrom().item(PostResult.refused(List.of(access.refusal())))
                                        : judgeAndStore(tx, Author.of(access), thread, parentId, sideId, body,
                                                poster.ingested())));
            });
        });
    }

    private Uni<PostResult> judgeAndStore(Tx tx, Author author, ThreadEntity thread, UUID parentId, UUID sideId,
            String body, boolean ingested) {
        return judge(tx, author, body).chain(verdict -> verdict.outcome() == ModerationOutcome.REJECTED
                ? rejected(tx, author, verdict)
                : store(tx, author, thread, parentId, sideId, body, verdict, ingested));
    }

    private static PostResult noThread() {
        return PostResult.refused("input.threadId", "NOT_FOUND", "No thread you can see has this id.");
    }

    /** Replies are one level deep, to a message of the same thread the author can see. */
    private static String parentProblem(UUID parentId, MessageEntity parent, ThreadEntity thread, UUID me,
            boolean seesHeld) {
        if (parentId == null) {
            return null;
        }
        if (parent == null || !parent.threadId.equals(thread.id) || !ContentRepository.visible(parent, me, seesHeld)) {
            return "The message you reply to is not in this thread.";
        }
        return parent.parentId != null ? "Replies are threaded one level: reply to the first message of the branch." : null;
    }

    private Uni<PostResult> store(Tx tx, Author author, ThreadEntity thread, UUID parentId, UUID sideId, String body,
            Verdict verdict, boolean ingested) {
        Instant now = now();
        MessageEntity message = message(author, thread.id, parentId, body, verdict, now);
        message.debateSideId = sideId;
        message.feel(sentiments.analyze(body));
        ActivityKind kind = ingested
                ? ActivityKind.MENTION_INGESTED
                : parentId == null ? ActivityKind.MESSAGE_POSTED : ActivityKind.REPLY_POSTED;
        // both inserts go out at once, in this order, on the unit's connection: one round trip for the two
        Uni<Void> inserted = content.insertMessage(tx, message);
        Uni<Void> recorded = Activities.record(tx, message.communityId, author.member().id, kind, now, message.id,
                message.sentiment);
        return Uni.combine().all().unis(inserted, recorded).discardItems()
                .chain(() -> review(tx, message, verdict))
                .map(ignored -> new PostResult(thread, message, verdict.outcome(), reasons(verdict), List.of()));
    }

    public Uni<Page<ThreadEntity>> threads(Tx tx, Caller caller, UUID communityId, PageRequest page) {
        return gate.check(tx, caller, communityId, CommunityAction.READ,
                "communityId").chain(
                        access -> !access.allowed()
                                ? Uni.createFrom().item(List.<ThreadEntity>of())
                                : content.threads(tx.tenantId(), communityId, memberId(access), seesHeld(caller), page))
                .map(rows -> Page.<ThreadEntity>of(rows, page, ContentRepository::cursorOf, -1));
    }

    public Uni<Page<MessageEntity>> messages(Tx tx, Caller caller, UUID threadId, PageRequest page) {
        return readableThread(tx, caller, threadId)
                .chain(found -> found == null
                        ? Uni.createFrom().item(List.<MessageEntity>of())
                        : content.messages(tx.tenantId(), threadId, memberId(found.access()), seesHeld(caller), page))
                .map(rows -> Page.<MessageEntity>of(rows, page, ContentRepository::cursorOf, -1));
    }

    /** One thread, for {@code node(id:)}: null unless the caller may read it. */
    public Uni<ThreadEntity> thread(Tx tx, Caller caller, UUID threadId) {
        return readableThread(tx, caller, threadId)
                .map(found -> found == null ? null : found.thread());
    }

    /** One message, for {@code node(id:)}: null unless the caller may read it. */
    public Uni<MessageEntity> message(Tx tx, Caller caller, UUID messageId) {
        return readableMessage(tx, caller, messageId, CommunityAction.READ)
                .map(found -> found.message());
    }

    /** A thread with the gate's answer, when the caller may read both; null otherwise. */
    record ReadableThread(ThreadEntity thread, CommunityAccess access) {
    }

    Uni<ReadableThread> readableThread(Tx tx, Caller caller, UUID threadId) {
        return content.thread(tx.tenantId(), threadId).chain(thread -> thread == null
                ? Uni.createFrom().nullItem()
                : gate.check(tx, caller, thread.communityId, CommunityAction.READ, "input.threadId").map(access -> access
                        .allowed() && ContentRepository.visible(thread, memberId(access), seesHeld(caller))
                                ? new ReadableThread(thread, access)
                                : null));
    }

    /** A message the caller may see, with what the gate says about {@code action} in its community; or why not. */
    public record FoundMessage(MessageEntity message, CommunityAccess access, UserError problem) {
    }

    /**
     * The message, if the caller may read it (the community, and the message itself: a held or removed one is
     * its author's and the moderators'), and whether they may do {@code action} there. A message the caller may
     * not read is NOT_FOUND whatever the action, so nothing tells it exists.
     */
    public Uni<FoundMessage> readableMessage(Tx tx, Caller caller, UUID messageId, CommunityAction action) {
        String field = "input.messageId";
        return content.message(tx.tenantId(), messageId).chain(message -> message == null
                ? Uni.createFrom().item(new FoundMessage(null, null, notFoundMessage(field)))
                : gate.check(tx, caller, message.communityId, CommunityAction.READ, field).chain(read -> {
                    if (!read.allowed() || !ContentRepository.visible(message, memberId(read), seesHeld(caller))) {
                        return Uni.createFrom().item(new FoundMessage(null, read, notFoundMessage(field)));
                    }
                    if (action == CommunityAction.READ) {
                        return Uni.createFrom().item(new FoundMessage(message, read, null));
                    }
                    return gate.checkAs(tx, caller, read.member(), message.communityId, action, field)
                            .map(access -> new FoundMessage(message, access, access.refusal()));
                }));
    }

    /** Of {@code messageIds}, those the caller may read, and the caller's member id (null: none). */
    record ReadableMessages(UUID me, List<UUID> ids) {
    }

    /** For fields loaded for a whole page at once: one query for the messages, one or two for the communities. */
    Uni<ReadableMessages> readableMessages(Tx tx, Caller caller, Collection<UUID> messageIds) {
        UUID tenant = tx.tenantId();
        return content.messages(tenant, messageIds).chain(found -> members.findBySubject(tenant, caller.subject())
                .chain(me -> gate.readable(tx, caller, found.stream().map(m -> m.communityId).toList())
                        .map(communities -> new ReadableMessages(me == null ? null : me.id, found.stream()
                                .filter(m -> communities.contains(m.communityId))
                                .filter(m -> ContentRepository.visible(m, me == null ? null : me.id, seesHeld(caller)))
                                .map(m -> m.id).toList()))));
    }

    private static UserError notFoundMessage(String field) {
        return UserError.of(field, "NOT_FOUND", "No message you can see has this id.");
    }

    private static UUID memberId(CommunityAccess access) {
        return access.member() == null ? null : access.member().id;
    }

    /** The external author's member profile ({@code found}, or new) and membership in the community, created on first use. */
    private Uni<MemberEntity> externalMember(Tx tx, CommunityEntity community, ExternalAuthor external, MemberEntity found) {
        UUID tenant = tx.tenantId();
        Instant now = now();
        MemberEntity member = found;
        if (member == null) {
            member = new MemberEntity();
            member.id = UUID.randomUUID();
            member.tenantId = tenant;
            member.externalHandle = external.handle();
            member.createdAt = now;
        }
        if (!external.displayName().equals(member.displayName)) {
            member.displayName = external.displayName();
            member.updatedAt = now;
        }
        MemberEntity author = member;
        Uni<Void> saved = found == null ? members.persist(author).replaceWithVoid() : Uni.createFrom().voidItem();
        return saved.chain(() -> memberships.find(tenant, community.id, author.id)).chain(membership -> {
            if (membership != null) {
                return Uni.createFrom().voidItem();
            }
            MembershipEntity joined = new MembershipEntity();
            joined.tenantId = tenant;
            joined.communityId = community.id;
            joined.memberId = author.id;
            joined.role = CommunityRole.MEMBER;
            joined.status = MemberStatus.ACTIVE;
            joined.joinedAt = now;
            joined.updatedAt = now;
            return memberships.persist(joined).replaceWithVoid();
        }).chain(members::flush).replaceWith(author);
    }

    Uni<Verdict> judge(Tx tx, Author author, String text) {
        UUID tenant = tx.tenantId();
        return ruleSets.forCommunity(tenant, author.community().id).chain(rules -> {
            long ageHours = Duration.between(author.member().createdAt, Instant.now()).toHours();
            int window = rules.floodWindowSeconds();
            Uni<Long> recent = window == 0
                    ? Uni.createFrom().item(0L)
                    : content.recentMessages(tx, author.community().id, author.member().id,
                            Instant.now().minusSeconds(window));
            return recent.chain(count -> ruleSets.judge(rules, text, new PostingContext(ageHours, count.intValue())))
                    .map(verdict -> preModerated(author.community(), verdict));
        });
    }

    /** Pre-moderation holds whatever the rules let through. */
    private static Verdict preModerated(CommunityEntity community, Verdict verdict) {
        if (!community.preModeration || verdict.outcome() == ModerationOutcome.REJECTED
                || verdict.outcome() == ModerationOutcome.HELD) {
            return verdict;
        }
        List<RuleHit> hits = new ArrayList<>(verdict.hits());
        hits.add(new RuleHit("pre-moderation", "Pre-moderation", RuleAction.HOLD, RuleSeverity.LOW, -1, -1, null));
        return Verdict.of(hits, verdict.muteMinutes());
    }

    /** Not stored (only counted for the moderation report); a mute rule mutes the author in this community. */
    Uni<PostResult> rejected(Tx tx, Author author, Verdict verdict) {
        PostResult result = new PostResult(null, null, ModerationOutcome.REJECTED, reasons(verdict), List.of());
        Uni<Void> counted = reviews.rejected(tx, author.community().id, author.member().id, reasons(verdict));
        if (verdict.muteMinutes() == null) {
            return counted.replaceWith(result);
        }
        return counted.chain(() -> sanctions.ruleMute(tx, author.membership(), reasons(verdict),
                now().plus(verdict.muteMinutes(), ChronoUnit.MINUTES))).replaceWith(result);
    }

    private static MessageEntity message(Author author, UUID threadId, UUID parentId, String body, Verdict verdict,
            Instant now) {
        MessageEntity message = new MessageEntity();
        message.id = UUID.randomUUID();
        message.tenantId = author.member().tenantId;
        message.threadId = threadId;
        message.communityId = author.community().id;
        message.parentId = parentId;
        message.authorMemberId = author.member().id;
        message.body = body;
        message.status = status(verdict);
        message.flagged = verdict.outcome() == ModerationOutcome.FLAGGED;
        message.moderationNote = verdict.hits().isEmpty() ? null : String.join(", ", reasons(verdict));
        message.createdAt = now;
        message.updatedAt = now;
        return message;
    }

    Uni<Void> review(Tx tx, MessageEntity message, Verdict verdict) {
        boolean held = verdict.outcome() == ModerationOutcome.HELD;
        if (!held && verdict.outcome() != ModerationOutcome.FLAGGED) {
            return Uni.createFrom().voidItem();
        }
        return reviews.request(tx, message, held, reasons(verdict));
    }

    static ContentStatus status(Verdict verdict) {
        return verdict.outcome() == ModerationOutcome.HELD ? ContentStatus.HELD : ContentStatus.PUBLISHED;
    }

    static List<String> reasons(Verdict verdict) {
        return verdict.hits().stream().map(RuleHit::ruleName).distinct().toList();
    }

    private static boolean staff(Caller caller) {
        return caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER);
    }

    static boolean seesHeld(Caller caller) {
        return caller.hasAnyRole(CommunityGate.STAFF);
    }
}
