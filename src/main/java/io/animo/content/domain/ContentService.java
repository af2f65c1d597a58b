package io.animo.content.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityRepository;
import io.animo.community.domain.CommunityStatus;
import io.animo.guideline.domain.GuidelineGate;
import io.animo.member.domain.CommunityReaders;
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
import io.animo.platform.persistence.UnitOfWork;
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
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Posting: every thread and message passes the community's rules (tenant-wide and its own) before
 * it is stored; the verdict decides whether members see it, whether it waits for a moderator, or
 * whether it is refused, and may mute its author. Each stored post records an activity.
 */
@ApplicationScoped
public class ContentService {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 10_000;
    static final String INGEST = "messageIngest";

    private final UnitOfWork unitOfWork;
    private final ContentRepository content;
    private final CommunityRepository communities;
    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final RuleSets ruleSets;
    private final ReviewRequests reviews;
    private final GuidelineGate guidelines;
    private final ReplyGuard replyGuard;
    private final SanctionService sanctions;
    private final MutationReceipts receipts;
    private final CommunityReaders readers;

    public ContentService(UnitOfWork unitOfWork, ContentRepository content, CommunityRepository communities,
            MemberRepository members, MembershipRepository memberships, RuleSets ruleSets, ReviewRequests reviews,
            GuidelineGate guidelines, ReplyGuard replyGuard, SanctionService sanctions, MutationReceipts receipts,
            CommunityReaders readers) {
        this.readers = readers;
        this.sanctions = sanctions;
        this.receipts = receipts;
        this.reviews = reviews;
        this.guidelines = guidelines;
        this.replyGuard = replyGuard;
        this.unitOfWork = unitOfWork;
        this.content = content;
        this.communities = communities;
        this.members = members;
        this.memberships = memberships;
        this.ruleSets = ruleSets;
    }

    /** Who posts where, once checked: a member in good standing of an active community. */
    record Author(MemberEntity member, MembershipEntity membership, CommunityEntity community) {
    }

    public Uni<PostResult> createThread(Caller caller, UUID communityId, ThreadKind kind, String title, String body) {
        if (kind == ThreadKind.DEBATE || kind == ThreadKind.POLL) {
            return Uni.createFrom().item(PostResult.refused("input.kind", "NOT_ALLOWED",
                    "Start debates with debateCreate and polls with pollCreate."));
        }
        return createThread(caller, communityId, kind, title, body, thread -> Uni.createFrom().voidItem());
    }

    /**
     * A thread whose feature stores more rows (a debate, a poll): {@code extras} runs in the same transaction once
     * the thread and its first message are stored, and only if the rules let them through.
     */
    public Uni<PostResult> createThread(Caller caller, UUID communityId, ThreadKind kind, String title, String body,
            Function<ThreadEntity, Uni<Void>> extras) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.title", title, TITLE_MAX);
        TextFields.check(errors, "input.body", body, BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> author(caller, communityId, true).chain(check -> {
            if (check.userErrors() != null) {
                return Uni.createFrom().item(check.userErrors());
            }
            Author author = check.author();
            if (kind == ThreadKind.ANNOUNCEMENT && !staff(caller) && author.membership().role == CommunityRole.MEMBER) {
                return Uni.createFrom().item(PostResult.refused("input.kind", "NOT_ALLOWED",
                        "Announcements are for the community's owners and moderators."));
            }
            return judge(author, title.strip() + "\n" + body).chain(verdict -> {
                if (verdict.outcome() == ModerationOutcome.REJECTED) {
                    return rejected(author, verdict);
                }
                Instant now = now();
                ThreadEntity thread = new ThreadEntity();
                thread.id = UUID.randomUUID();
                thread.tenantId = tenant;
                thread.communityId = communityId;
                thread.kind = kind;
                thread.title = title.strip();
                thread.authorMemberId = author.member().id;
                thread.status = status(verdict);
                thread.createdAt = now;
                thread.updatedAt = now;
                MessageEntity opening = message(author, thread.id, null, body, verdict, now);
                return Panache.getSession()
                        .chain(session -> session.persist(thread).chain(() -> session.persist(opening)).chain(session::flush))
                        .chain(() -> extras.apply(thread))
                        .chain(() -> review(opening, verdict))
                        .chain(() -> activity(author, ActivityKind.THREAD_CREATED, now))
                        .map(ignored -> new PostResult(thread, opening, verdict.outcome(), reasons(verdict), List.of()));
            });
        }));
    }

    public Uni<PostResult> postMessage(Caller caller, UUID threadId, UUID parentId, String body) {
        return postMessage(caller, threadId, parentId, body, null);
    }

    /** {@code sideId}: in a debate thread, the side the message takes (optional). */
    public Uni<PostResult> postMessage(Caller caller, UUID threadId, UUID parentId, String body, UUID sideId) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.body", body, BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        return post(caller.tenantId(), threadId, parentId, sideId, body,
                new Poster(seesHeld(caller), () -> members.findBySubject(caller.tenantId(), caller.subject()),
                        (communityId, person) -> author(caller, communityId, true, Uni.createFrom().item(person))));
    }

    /**
     * A message an integration's service account ingests for an author known only by an external handle
     * (an account of a listened-to forum): the author's member profile and membership are created on first
     * use, and then it goes through the same standing checks and rules as any post.
     */
    public Uni<PostResult> ingestMessage(Caller caller, UUID threadId, UUID parentId, ExternalAuthor external,
            String body, String clientMutationId) {
        List<UserError> errors = new ArrayList<>(external.validate());
        TextFields.check(errors, "input.body", body, BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(PostResult.refused(errors));
        }
        UUID tenant = caller.tenantId();
        Poster poster = new Poster(false, () -> members.findByExternalHandle(tenant, external.handle()),
                (communityId, found) -> author(tenant, communityId, true,
                        community -> externalMember(tenant, community, external, found)));
        return unitOfWork.inTenant(tenant, () -> receipts.find(tenant, INGEST, clientMutationId)
                .chain(previous -> previous.isPresent()
                        ? replay(tenant, previous.get())
                        : postWithin(tenant, threadId, parentId, null, body, poster)
                                .call(result -> result.message() == null
                                        ? Uni.createFrom().voidItem()
                                        : receipts.record(tenant, INGEST, clientMutationId, result.message().id))))
                .onFailure(failure -> Constraints.isUniqueViolation(failure, null))
                .recoverWithItem(() -> PostResult.refused("input.externalHandle", "RETRY",
                        "Another request created this author, or sent this message, at the same moment: send it again."));
    }

    private Uni<PostResult> post(UUID tenant, UUID threadId, UUID parentId, UUID sideId, String body, Poster poster) {
        return unitOfWork.inTenant(tenant, () -> postWithin(tenant, threadId, parentId, sideId, body, poster));
    }

    /** The same message again for a retried request, as it is now. */
    private Uni<PostResult> replay(UUID tenant, UUID messageId) {
        return content.message(tenant, messageId).chain(message -> content.thread(tenant, message.threadId)
                .map(thread -> new PostResult(thread, message, message.status == ContentStatus.HELD
                        ? ModerationOutcome.HELD
                        : message.flagged ? ModerationOutcome.FLAGGED : ModerationOutcome.PUBLISHED,
                        message.moderationNote == null ? List.of() : List.of(message.moderationNote.split(", ")),
                        List.of())));
    }

    /**
     * Who posts: whether they see held content, their member id if they already have one (the checks that
     * can refuse the post run before anything is created for a new author), and how their standing is checked.
     */
    private record Poster(boolean seesHeld, Supplier<Uni<MemberEntity>> existingMember,
            BiFunction<UUID, MemberEntity, Uni<AuthorCheck>> authorIn) {
    }

    private Uni<PostResult> postWithin(UUID tenant, UUID threadId, UUID parentId, UUID sideId, String body,
            Poster poster) {
        return content.thread(tenant, threadId).chain(thread -> thread == null
                ? Uni.createFrom().item(noThread())
                : poster.existingMember().get().chain(existing -> {
                    UUID me = existing == null ? null : existing.id;
                    if (!ContentRepository.visible(thread, me, poster.seesHeld())) {
                        return Uni.createFrom().item(noThread());
                    }
                    if (thread.locked) {
                        return Uni.createFrom().item(PostResult.refused("input.threadId", "LOCKED", "This thread is locked."));
                    }
                    Uni<MessageEntity> parent = parentId == null
                            ? Uni.createFrom().nullItem()
                            : content.message(tenant, parentId);
                    return parent.chain(replied -> {
                        String problem = parentProblem(parentId, replied, thread, me, poster.seesHeld());
                        if (problem != null) {
                            return Uni.createFrom().item(PostResult.refused("input.parentId", "INVALID_PARENT", problem));
                        }
                        Uni<UserError> sideProblem = sideId != null || thread.kind == ThreadKind.DEBATE
                                ? replyGuard.check(thread, sideId)
                                : Uni.createFrom().nullItem();
                        return sideProblem.chain(refusal -> refusal != null
                                ? Uni.createFrom().item(PostResult.refused(List.of(refusal)))
                                : poster.authorIn().apply(thread.communityId, existing)
                                        .chain(check -> check.userErrors() != null
                                                ? Uni.createFrom().item(check.userErrors())
                                                : judge(check.author(), body).chain(verdict -> verdict
                                                        .outcome() == ModerationOutcome.REJECTED
                                                                ? rejected(check.author(), verdict)
                                                                : store(check.author(), thread, parentId, sideId, body,
                                                                        verdict))));
                    });
                }));
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

    private Uni<PostResult> store(Author author, ThreadEntity thread, UUID parentId, UUID sideId, String body,
            Verdict verdict) {
        Instant now = now();
        MessageEntity message = message(author, thread.id, parentId, body, verdict, now);
        message.debateSideId = sideId;
        return Panache.getSession().chain(session -> session.persist(message).chain(session::flush))
                .chain(() -> review(message, verdict))
                .chain(() -> activity(author, parentId == null ? ActivityKind.MESSAGE_POSTED : ActivityKind.REPLY_POSTED,
                        now))
                .map(ignored -> new PostResult(thread, message, verdict.outcome(), reasons(verdict), List.of()));
    }

    public Uni<Page<ThreadEntity>> threads(Caller caller, UUID communityId, PageRequest page) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> me(caller).chain(me -> readable(caller, communityId, me)
                .chain(readable -> !readable
                        ? Uni.createFrom().item(List.<ThreadEntity>of())
                        : content.threads(tenant, communityId, me, seesHeld(caller), page)))
                .map(rows -> Page.of(rows, page, ContentRepository::cursorOf, -1)));
    }

    public Uni<Page<MessageEntity>> messages(Caller caller, UUID threadId, PageRequest page) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> me(caller).chain(me -> content.thread(tenant, threadId)
                .chain(thread -> thread == null || !ContentRepository.visible(thread, me, seesHeld(caller))
                        ? Uni.createFrom().item(false)
                        : readable(caller, thread.communityId, me))
                .chain(readable -> !readable
                        ? Uni.createFrom().item(List.<MessageEntity>of())
                        : content.messages(tenant, threadId, me, seesHeld(caller), page)))
                .map(rows -> Page.of(rows, page, m -> ContentRepository.cursorOf(m.createdAt, m.id), -1)));
    }

    /** One thread, for {@code node(id:)}: null unless the caller may read it. */
    public Uni<ThreadEntity> thread(Caller caller, UUID threadId) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> me(caller).chain(me -> content.thread(tenant, threadId)
                .chain(thread -> thread == null || !ContentRepository.visible(thread, me, seesHeld(caller))
                        ? Uni.createFrom().nullItem()
                        : readable(caller, thread.communityId, me).map(readable -> readable ? thread : null))));
    }

    /** One message, for {@code node(id:)}: null unless the caller may read it. */
    public Uni<MessageEntity> message(Caller caller, UUID messageId) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> me(caller).chain(me -> content.message(tenant, messageId)
                .chain(message -> message == null || !ContentRepository.visible(message, me, seesHeld(caller))
                        ? Uni.createFrom().nullItem()
                        : readable(caller, message.communityId, me).map(readable -> readable ? message : null))));
    }

    /** A private community's content is read by its members and the staff only. */
    private Uni<Boolean> readable(Caller caller, UUID communityId, UUID me) {
        return readers.mayRead(caller, communityId, me);
    }

    Uni<UUID> me(Caller caller) {
        return members.findBySubject(caller.tenantId(), caller.subject()).map(m -> m == null ? null : m.id);
    }

    record AuthorCheck(Author author, PostResult userErrors) {
    }

    /** Whether the caller may act in a community (member, not banned or muted), for actions that are not posts. */
    public record Standing(MemberEntity member, List<UserError> userErrors) {
    }

    /** For votes and the like (no slow mode); call it inside the caller's unit of work. */
    public Uni<Standing> standing(Caller caller, UUID communityId) {
        return author(caller, communityId, false).map(check -> check.userErrors() != null
                ? new Standing(null, check.userErrors().userErrors())
                : new Standing(check.author().member(), List.of()));
    }

    private Uni<AuthorCheck> author(Caller caller, UUID communityId) {
        return author(caller, communityId, true);
    }

    /**
     * The caller as a member in good standing of an active, writable community who, when the community
     * requires it, acknowledged its current guidelines (shared with edits and reactions, which are not new
     * messages and so skip {@code slowMode}). Ingested content skips the guidelines: its authors cannot
     * acknowledge them.
     */
    Uni<AuthorCheck> author(Caller caller, UUID communityId, boolean slowMode) {
        return author(caller, communityId, slowMode, members.findBySubject(caller.tenantId(), caller.subject()));
    }

    private Uni<AuthorCheck> author(Caller caller, UUID communityId, boolean slowMode, Uni<MemberEntity> person) {
        UUID tenant = caller.tenantId();
        return author(tenant, communityId, slowMode, community -> person)
                .chain(check -> check.author() == null || !check.author().community().guidelinesAcknowledgementRequired
                        ? Uni.createFrom().item(check)
                        : guidelines.mustAcknowledge(tenant, communityId, check.author().member().id)
                                .chain(unread -> unread
                                        ? refuse("input.communityId", GuidelineGate.CODE, GuidelineGate.MESSAGE)
                                        : Uni.createFrom().item(check)));
    }

    private Uni<AuthorCheck> author(UUID tenant, UUID communityId, boolean slowMode,
            Function<CommunityEntity, Uni<MemberEntity>> memberIn) {
        return communities.findInTenant(tenant, communityId).chain(community -> {
            if (community == null) {
                return refuse("input.communityId", "NOT_FOUND", "No community of this tenant has this id.");
            }
            if (community.status == CommunityStatus.ARCHIVED) {
                return refuse("input.communityId", "ARCHIVED", "This community is archived.");
            }
            if (community.readOnly) {
                return refuse("input.communityId", "READ_ONLY", "This community is read-only for now.");
            }
            return memberIn.apply(community).chain(member -> member == null
                    ? refuse("input.communityId", "NOT_A_MEMBER", "Join the community before posting.")
                    : memberships.find(tenant, communityId, member.id).chain(membership -> {
                        if (membership == null) {
                            return refuse("input.communityId", "NOT_A_MEMBER", "Join the community before posting.");
                        }
                        Instant now = Instant.now();
                        if (membership.status == MemberStatus.BANNED
                                && (membership.bannedUntil == null || membership.bannedUntil.isAfter(now))) {
                            return refuse("input.communityId", "BANNED", "You are banned from this community.");
                        }
                        // a mute can outlast a timed ban: the mute's end is checked whatever the status says
                        if (membership.mutedUntil != null && membership.mutedUntil.isAfter(now)) {
                            return refuse("input.communityId", "MUTED", "You are muted in this community until "
                                    + membership.mutedUntil + ".");
                        }
                        Author author = new Author(member, membership, community);
                        if (!slowMode || community.slowModeSeconds == 0) {
                            return Uni.createFrom().item(new AuthorCheck(author, null));
                        }
                        return content.recentMessages(tenant, community.id, member.id,
                                now.minusSeconds(community.slowModeSeconds))
                                .chain(recent -> recent > 0
                                        ? refuse("input.communityId", "SLOW_MODE", "Slow mode is on: wait "
                                                + community.slowModeSeconds + " seconds between messages.")
                                        : Uni.createFrom().item(new AuthorCheck(author, null)));
                    }));
        });
    }

    /** The external author's member profile ({@code found}, or new) and membership in the community, created on first use. */
    private Uni<MemberEntity> externalMember(UUID tenant, CommunityEntity community, ExternalAuthor external,
            MemberEntity found) {
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

    private static Uni<AuthorCheck> refuse(String field, String code, String message) {
        return Uni.createFrom().item(new AuthorCheck(null, PostResult.refused(field, code, message)));
    }

    Uni<Verdict> judge(Author author, String text) {
        UUID tenant = author.member().tenantId;
        return ruleSets.forCommunity(tenant, author.community().id).chain(rules -> {
            long ageHours = Duration.between(author.member().createdAt, Instant.now()).toHours();
            int window = rules.floodWindowSeconds();
            Uni<Long> recent = window == 0
                    ? Uni.createFrom().item(0L)
                    : content.recentMessages(tenant, author.community().id, author.member().id,
                            Instant.now().minusSeconds(window));
            return recent.map(count -> preModerated(author.community(),
                    rules.evaluate(text, new PostingContext(ageHours, count.intValue()))));
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
    Uni<PostResult> rejected(Author author, Verdict verdict) {
        PostResult result = new PostResult(null, null, ModerationOutcome.REJECTED, reasons(verdict), List.of());
        Uni<Void> counted = reviews.rejected(author.member().tenantId, author.community().id, author.member().id,
                reasons(verdict));
        if (verdict.muteMinutes() == null) {
            return counted.replaceWith(result);
        }
        return counted.chain(() -> sanctions.ruleMute(author.membership(), reasons(verdict),
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

    Uni<Void> review(MessageEntity message, Verdict verdict) {
        boolean held = verdict.outcome() == ModerationOutcome.HELD;
        if (!held && verdict.outcome() != ModerationOutcome.FLAGGED) {
            return Uni.createFrom().voidItem();
        }
        return reviews.request(message, held, reasons(verdict));
    }

    private Uni<Void> activity(Author author, ActivityKind kind, Instant now) {
        return Activities.record(author.member().tenantId, author.community().id, author.member().id, kind, now);
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
        return caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR);
    }
}
