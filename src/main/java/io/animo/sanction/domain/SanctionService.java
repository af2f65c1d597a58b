package io.animo.sanction.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.audit.domain.AuditLog;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.member.domain.CommunityRole;
import io.animo.member.domain.MemberRepository;
import io.animo.member.domain.MemberStatus;
import io.animo.member.domain.MembershipEntity;
import io.animo.member.domain.MembershipRepository;
import io.animo.member.domain.StandingOnReturn;
import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.MutationReceipts;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/**
 * Warnings, mutes and bans of community members, and their appeals (each change audited). A mute
 * or ban sets the membership's standing when issued; lifting one recomputes the standing from the
 * sanctions still in force.
 */
@ApplicationScoped
public class SanctionService implements StandingOnReturn {

    public static final String[] STAFF = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};
    static final String ISSUE = "sanctionIssue";
    /** The issuer of the mutes the moderation rules give (no person's subject). */
    static final String RULE_ISSUER = "animo:rules";
    static final int MAX_REASON = 500;
    static final int MAX_STATEMENT = 2000;
    static final int MAX_NOTE = 1000;
    static final int MAX_YEARS = 10;

    private final CommunityGate gate;
    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final SanctionRepository sanctions;
    private final AppealRepository appeals;
    private final MutationReceipts receipts;
    private final AuditLog audit;

    public SanctionService(CommunityGate gate, MemberRepository members, MembershipRepository memberships,
            SanctionRepository sanctions, AppealRepository appeals, MutationReceipts receipts, AuditLog audit) {
        this.gate = gate;
        this.members = members;
        this.memberships = memberships;
        this.sanctions = sanctions;
        this.appeals = appeals;
        this.receipts = receipts;
        this.audit = audit;
    }

    /** Checks what needs no database: reason, and an end that fits the kind. */
    public static List<UserError> validate(String prefix, SanctionOrder order) {
        List<UserError> errors = new ArrayList<>();
        String reason = order.reason();
        if (reason == null || reason.isBlank()) {
            errors.add(UserError.of(prefix + ".reason", "REQUIRED", "Say why, in up to " + MAX_REASON + " characters."));
        } else if (reason.strip().length() > MAX_REASON) {
            errors.add(UserError.of(prefix + ".reason", "TOO_LONG", "At most " + MAX_REASON + " characters."));
        }
        Instant until = order.until();
        Instant now = Instant.now();
        if (order.kind() == null) {
            errors.add(UserError.of(prefix + ".kind", "REQUIRED", "Say whether to warn, mute or ban."));
        } else if (order.kind() == SanctionKind.WARN && until != null) {
            errors.add(UserError.of(prefix + ".until", "UNTIL_NOT_ALLOWED", "A warning has no end: leave until empty."));
        } else if (order.kind() == SanctionKind.MUTE && until == null) {
            errors.add(UserError.of(prefix + ".until", "UNTIL_REQUIRED", "Say until when the member is muted."));
        } else if (until != null && !until.isAfter(now)) {
            errors.add(UserError.of(prefix + ".until", "UNTIL_IN_PAST", "The end must be in the future."));
        } else if (until != null && until.isAfter(now.atZone(ZoneOffset.UTC).plusYears(MAX_YEARS).toInstant())) {
            errors.add(UserError.of(prefix + ".until", "UNTIL_TOO_FAR",
                    "At most " + MAX_YEARS + " years ahead; leave until empty for a permanent ban."));
        }
        return errors;
    }

    public Uni<SanctionResult> issue(Tx tx, Caller caller, UUID communityId, UUID memberId, SanctionOrder order,
            String clientMutationId) {
        List<UserError> errors = new ArrayList<>(validate("input", order));
        errors.addAll(MutationReceipts.validate(clientMutationId));
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(SanctionResult.refused(errors));
        }
        UUID tenant = caller.tenantId();
        // the same request retried concurrently won: answer with its sanction
        tx.retry(failure -> clientMutationId != null && Constraints.isUniqueViolation(failure, null),
                again -> receipts.find(again, caller, ISSUE, clientMutationId)
                        .chain(previous -> view(tenant, previous.orElseThrow()))
                        .map(v -> new SanctionResult(v, List.of())));
        tx.recover(OptimisticLocks::isStale, () -> Uni.createFrom().item(SanctionResult.refused("input.memberId",
                "STALE_VERSION", "This member's standing changed at the same time: try again.")));
        return receipts.find(tx, caller, ISSUE, clientMutationId)
                .chain(previous -> previous.isPresent()
                        ? view(tenant, previous.get()).map(v -> new SanctionResult(v, List.of()))
                        : issueNew(tx, caller, communityId, memberId, order, clientMutationId));
    }

    private Uni<SanctionResult> issueNew(Tx tx, Caller caller, UUID communityId, UUID memberId, SanctionOrder order,
            String clientMutationId) {
        return target(tx, caller, communityId, memberId, "input.communityId", "input.memberId").chain(target -> {
            if (!target.allowed()) {
                return Uni.createFrom().item(SanctionResult.refused(target.userErrors()));
            }
            return issueWithin(tx, caller, target.membership(), order, null)
                    .call(sanction -> receipts.record(tx, caller, ISSUE, clientMutationId, sanction.id))
                    .map(sanction -> SanctionResult.ok(sanction, null));
        });
    }

    /**
     * In the current transaction: the membership of {@code memberId} in {@code communityId} when the
     * caller may sanction it (not themselves; community owners only by tenant admins).
     */
    public Uni<SanctionTarget> target(Tx tx, Caller caller, UUID communityId, UUID memberId, String communityField,
            String memberField) {
        UUID tenant = tx.tenantId();
        return gate.check(tx, caller, communityId, CommunityAction.ADMINISTER, communityField).chain(access -> !access.allowed()
                ? Uni.createFrom().item(new SanctionTarget(null, List.of(access.refusal())))
                : memberships.find(tenant, communityId, memberId).chain(membership -> membership == null
                        ? refuse(memberField, "NOT_A_MEMBER", "This person is not a member of this community.")
                        : members.findInTenant(tenant, memberId).map(member -> {
                            if (member != null && caller.subject().equals(member.subject)) {
                                return refused(memberField, "SELF_SANCTION", "You cannot sanction yourself.");
                            }
                            if (membership.role == CommunityRole.OWNER && !caller.hasAnyRole(Roles.TENANT_ADMIN)) {
                                return refused(memberField, "NOT_ALLOWED",
                                        "Only tenant admins sanction an owner of the community.");
                            }
                            return new SanctionTarget(membership, List.of());
                        })));
    }

    /** In the current transaction: records the sanction, applies it to the membership, audits it. */
    public Uni<SanctionEntity> issueWithin(Tx tx, Caller caller, MembershipEntity membership, SanctionOrder order,
            UUID moderationItemId) {
        SanctionEntity sanction = sanction(membership, order.kind(), order.reason().strip(),
                order.until() == null ? null : DbTime.stored(order.until()), caller.subject(), caller.displayName());
        sanction.moderationItemId = moderationItemId;
        return record(tx, membership, sanction)
                .chain(() -> audit.record(tx, caller, "SANCTION_" + sanction.kind, "Sanction", sanction.id,
                        sanction.kind + " of member " + sanction.memberId + ": " + sanction.reason))
                .replaceWith(sanction);
    }

    /**
     * In the posting transaction: a MUTE rule mutes the author. It is recorded as a sanction like any other, so
     * lifting another sanction keeps it, the member can appeal it, and the report counts it.
     */
    public Uni<Void> ruleMute(Tx tx, MembershipEntity membership, List<String> ruleNames, Instant until) {
        return record(tx, membership, sanction(membership, SanctionKind.MUTE, "Muted by the rule " + String.join(", ",
                ruleNames), DbTime.stored(until), RULE_ISSUER, "Automated rules"));
    }

    private static SanctionEntity sanction(MembershipEntity membership, SanctionKind kind, String reason,
            Instant endsAt, String issuerSubject, String issuerName) {
        SanctionEntity sanction = new SanctionEntity();
        sanction.id = UUID.randomUUID();
        sanction.tenantId = membership.tenantId;
        sanction.communityId = membership.communityId;
        sanction.memberId = membership.memberId;
        sanction.kind = kind;
        sanction.reason = reason;
        sanction.endsAt = endsAt;
        sanction.issuedBySubject = issuerSubject;
        sanction.issuedByName = issuerName;
        sanction.createdAt = now();
        return sanction;
    }

    /** Stores it; a mute or ban then sets the standing from all the sanctions in force (the longest wins). */
    private Uni<Void> record(Tx tx, MembershipEntity membership, SanctionEntity sanction) {
        Uni<Void> stored = sanctions.persistAndFlush(sanction)
                .chain(() -> Activities.record(tx, sanction.communityId, sanction.memberId, ActivityKind.SANCTION_ISSUED,
                        sanction.createdAt, sanction.id, null));
        if (sanction.kind == SanctionKind.WARN) {
            return stored;
        }
        // the standing changes on the managed membership: the one the checks read may be a detached copy
        return stored.chain(() -> memberships.find(membership.tenantId, membership.communityId, membership.memberId))
                .chain(managed -> recompute(managed == null ? membership : managed, now()));
    }

    public Uni<SanctionResult> lift(Tx tx, Caller caller, UUID sanctionId, String note) {
        if (note != null && note.length() > MAX_NOTE) {
            return Uni.createFrom()
                    .item(SanctionResult.refused("input.note", "TOO_LONG", "At most " + MAX_NOTE + " characters."));
        }
        UUID tenant = caller.tenantId();
        tx.recover(OptimisticLocks::isStale, () -> Uni.createFrom().item(alreadyLifted()));
        return sanctions.findInTenant(tenant, sanctionId).chain(sanction -> {
            if (sanction == null) {
                return Uni.createFrom().item(unknownSanction());
            }
            if (sanction.liftedAt != null) {
                return Uni.createFrom().item(alreadyLifted());
            }
            return mayUndo(tx, caller, sanction, "input.sanctionId").chain(problem -> problem != null
                    ? Uni.createFrom().item(SanctionResult.refused(List.of(problem)))
                    : liftWithin(tx, caller, sanction, note).chain(() -> appeals.ofSanction(tenant, sanction.id))
                            .map(appeal -> SanctionResult.ok(sanction, appeal)));
        });
    }

    /**
     * Nobody lifts or overturns a sanction of their own; an owner's sanction is for tenant admins to undo; and
     * nothing changes in an archived community.
     */
    private Uni<UserError> mayUndo(Tx tx, Caller caller, SanctionEntity sanction, String field) {
        UUID tenant = tx.tenantId();
        return gate.check(tx, caller, sanction.communityId, CommunityAction.ADMINISTER, field).chain(access -> !access
                .allowed()
                        ? Uni.createFrom().item(access.refusal())
                        : members.findInTenant(tenant, sanction.memberId)
                                .chain(member -> {
                                    if (member != null && caller.subject().equals(member.subject)) {
                                        return Uni.createFrom().item(UserError.of(field, "SELF_SANCTION",
                                                "You cannot lift or overturn a sanction of your own."));
                                    }
                                    if (caller.hasAnyRole(Roles.TENANT_ADMIN)) {
                                        return Uni.createFrom().nullItem();
                                    }
                                    return memberships.find(tenant, sanction.communityId, sanction.memberId)
                                            .map(membership -> membership != null && membership.role == CommunityRole.OWNER
                                                    ? UserError.of(field, "NOT_ALLOWED",
                                                            "Only tenant admins undo a sanction of an owner of the community.")
                                                    : null);
                                }));
    }

    private Uni<Void> liftWithin(Tx tx, Caller caller, SanctionEntity sanction, String note) {
        Instant now = now();
        sanction.liftedAt = now;
        sanction.liftedBySubject = caller.subject();
        sanction.liftedByName = caller.displayName();
        sanction.liftNote = note == null || note.isBlank() ? null : note.strip();
        return sanctions.flush()
                .chain(() -> memberships.find(sanction.tenantId, sanction.communityId, sanction.memberId))
                .chain(membership -> membership == null ? Uni.createFrom().voidItem() : recompute(membership, now))
                .chain(() -> audit.record(tx, caller, "SANCTION_LIFTED", "Sanction", sanction.id,
                        sanction.kind + " of member " + sanction.memberId + " lifted"
                                + (sanction.liftNote == null ? "" : ": " + sanction.liftNote)));
    }

    private Uni<Void> recompute(MembershipEntity membership, Instant now) {
        return standing(membership, now).chain(sanctions::flush);
    }

    /**
     * In the current transaction, before a new membership is stored: someone who left a community
     * and joins again keeps the mutes and bans still in force there.
     */
    @Override
    public Uni<Void> restore(Tx tx, MembershipEntity membership) {
        return standing(membership, now());
    }

    /** Sets the standing the sanctions still in force give: banned over muted over active. */
    private Uni<Void> standing(MembershipEntity membership, Instant now) {
        return sanctions.mutesAndBansInForce(membership, now)
                .invoke(inForce -> {
                    List<SanctionEntity> bans = inForce.stream().filter(s -> s.kind == SanctionKind.BAN).toList();
                    List<SanctionEntity> mutes = inForce.stream().filter(s -> s.kind == SanctionKind.MUTE).toList();
                    membership.bannedUntil = bans.isEmpty() || bans.stream().anyMatch(s -> s.endsAt == null)
                            ? null
                            : bans.stream().map(s -> s.endsAt).max(Comparator.naturalOrder()).orElse(null);
                    membership.mutedUntil = mutes.stream().map(s -> s.endsAt).filter(Objects::nonNull)
                            .max(Comparator.naturalOrder()).orElse(null);
                    membership.status = !bans.isEmpty()
                            ? MemberStatus.BANNED
                            : !mutes.isEmpty() ? MemberStatus.MUTED : MemberStatus.ACTIVE;
                    membership.updatedAt = now;
                }).replaceWithVoid();
    }

    public Uni<AppealResult> file(Tx tx, Caller caller, UUID sanctionId, String statement) {
        if (statement == null || statement.isBlank()) {
            return Uni.createFrom().item(AppealResult.refused("input.statement", "REQUIRED",
                    "Say why the sanction should be lifted, in up to " + MAX_STATEMENT + " characters."));
        }
        if (statement.strip().length() > MAX_STATEMENT) {
            return Uni.createFrom()
                    .item(AppealResult.refused("input.statement", "TOO_LONG", "At most " + MAX_STATEMENT + " characters."));
        }
        UUID tenant = caller.tenantId();
        tx.recover(failure -> Constraints.isUniqueViolation(failure, "appeal_once_per_sanction"),
                () -> Uni.createFrom().item(alreadyAppealed()));
        return members.findBySubject(tenant, caller.subject())
                .chain(me -> sanctions.findInTenant(tenant, sanctionId).chain(sanction -> {
                    if (me == null || sanction == null || !sanction.memberId.equals(me.id)) {
                        return Uni.createFrom().item(AppealResult.refused("input.sanctionId", "NOT_FOUND",
                                "No sanction of yours has this id."));
                    }
                    if (sanction.liftedAt != null) {
                        return Uni.createFrom().item(AppealResult.refused("input.sanctionId", "ALREADY_LIFTED",
                                "This sanction was already lifted."));
                    }
                    return gate.checkAs(tx, caller, me, sanction.communityId, CommunityAction.RESPOND, "input.sanctionId")
                            .chain(access -> !access.allowed()
                                    ? Uni.createFrom().item(new AppealResult(null, List.of(access.refusal())))
                                    : appeals.ofSanction(tenant, sanctionId).chain(existing -> {
                                        if (existing != null) {
                                            return Uni.createFrom().item(alreadyAppealed());
                                        }
                                        AppealEntity appeal = new AppealEntity();
                                        appeal.id = UUID.randomUUID();
                                        appeal.tenantId = tenant;
                                        appeal.sanctionId = sanction.id;
                                        appeal.communityId = sanction.communityId;
                                        appeal.memberId = me.id;
                                        appeal.statement = statement.strip();
                                        appeal.status = AppealStatus.PENDING;
                                        appeal.createdAt = now();
                                        return appeals.persistAndFlush(appeal)
                                                .chain(() -> audit.record(tx, caller, "APPEAL_FILED", "Appeal", appeal.id,
                                                        "Appeal against " + sanction.kind + " " + sanction.id))
                                                .map(ignored -> AppealResult.ok(appeal));
                                    }));
                }));
    }

    /** Decided by staff other than whoever issued the sanction; overturning lifts it. */
    public Uni<AppealResult> decide(Tx tx, Caller caller, UUID appealId, AppealDecision decision, String note) {
        if (note != null && note.length() > MAX_NOTE) {
            return Uni.createFrom()
                    .item(AppealResult.refused("input.note", "TOO_LONG", "At most " + MAX_NOTE + " characters."));
        }
        UUID tenant = caller.tenantId();
        tx.recover(OptimisticLocks::isStale, () -> Uni.createFrom().item(alreadyDecided()));
        return appeals.findInTenant(tenant, appealId).chain(appeal -> appeal == null
                ? Uni.createFrom().item(unknownAppeal())
                : sanctions.findInTenant(tenant, appeal.sanctionId).chain(sanction -> {
                    if (caller.subject().equals(sanction.issuedBySubject)) {
                        return Uni.createFrom().item(AppealResult.refused("input.appealId", "SAME_MODERATOR",
                                "An appeal is decided by someone other than the moderator who issued the sanction."));
                    }
                    if (appeal.status != AppealStatus.PENDING) {
                        return Uni.createFrom().item(alreadyDecided());
                    }
                    return mayUndo(tx, caller, sanction, "input.appealId").chain(problem -> problem != null
                            ? Uni.createFrom().item(new AppealResult(null, List.of(problem)))
                            : settle(tx, caller, appeal, sanction, decision, note));
                }));
    }

    private Uni<AppealResult> settle(Tx tx, Caller caller, AppealEntity appeal, SanctionEntity sanction,
            AppealDecision decision,
            String note) {
        appeal.status = decision == AppealDecision.OVERTURN ? AppealStatus.OVERTURNED : AppealStatus.UPHELD;
        appeal.decidedBySubject = caller.subject();
        appeal.decidedByName = caller.displayName();
        appeal.decidedAt = now();
        appeal.decisionNote = note == null || note.isBlank() ? null : note.strip();
        Uni<Void> effect = decision == AppealDecision.OVERTURN && sanction.liftedAt == null
                ? liftWithin(tx, caller, sanction, appeal.decisionNote == null
                        ? "Appeal overturned"
                        : "Appeal overturned: " + appeal.decisionNote)
                : appeals.flush();
        return effect.chain(() -> audit.record(tx, caller, "APPEAL_" + appeal.status, "Appeal", appeal.id,
                "Appeal against " + sanction.kind + " " + sanction.id + " " + appeal.status.name().toLowerCase()
                        + (appeal.decisionNote == null ? "" : ": " + appeal.decisionNote)))
                .map(ignored -> AppealResult.ok(appeal));
    }

    /** Staff see every sanction of the community; anyone else only their own. Newest first. */
    public Uni<Page<SanctionView>> sanctions(Tx tx, Caller caller, UUID communityId, UUID memberId, boolean activeOnly,
            PageRequest page) {
        UUID tenant = caller.tenantId();
        boolean staff = caller.hasAnyRole(STAFF);
        return (staff
                ? Uni.createFrom().item(memberId)
                : members.findBySubject(tenant, caller.subject())
                        .map(me -> me == null || (memberId != null && !memberId.equals(me.id)) ? null : me.id))
                .chain(member -> !staff && member == null
                        ? Uni.createFrom().item(Page.<SanctionView>empty())
                        : sanctionPage(tenant, communityId, member, activeOnly, page));
    }

    private Uni<Page<SanctionView>> sanctionPage(UUID tenant, UUID communityId, UUID memberId, boolean activeOnly,
            PageRequest page) {
        return sanctions.page(tenant, communityId, memberId, activeOnly, page).chain(rows -> withAppeals(tenant, rows));
    }

    private Uni<Page<SanctionView>> withAppeals(UUID tenant, Page<SanctionEntity> page) {
        List<UUID> ids = page.items().stream().map(s -> s.id).toList();
        return appeals.ofSanctions(tenant, ids).map(list -> {
            Map<UUID, AppealEntity> bySanction = list.stream()
                    .collect(Collectors.toMap(a -> a.sanctionId, Function.identity()));
            return page.map(s -> new SanctionView(s, bySanction.get(s.id)));
        });
    }

    public static Cursor cursorOf(SanctionEntity sanction) {
        return SanctionRepository.cursorOf(sanction);
    }

    /** Appeals of a community, oldest first. */
    public Uni<Page<AppealEntity>> appeals(Tx tx, Caller caller, UUID communityId, AppealStatus status, PageRequest page) {
        UUID tenant = caller.tenantId();
        return appeals.page(tenant, communityId, status, page);
    }

    public static Cursor cursorOf(AppealEntity appeal) {
        return AppealRepository.cursorOf(appeal);
    }

    /** A sanction for {@code node(id:)}: staff see any of the tenant, anyone else only their own. */
    public Uni<SanctionView> sanctionNode(Tx tx, Caller caller, UUID id) {
        UUID tenant = caller.tenantId();
        return sanctions.findInTenant(tenant, id).chain(sanction -> sanction == null
                ? Uni.createFrom().nullItem()
                : visible(caller, sanction.memberId).chain(visible -> !visible
                        ? Uni.createFrom().<SanctionView>nullItem()
                        : appeals.ofSanction(tenant, id).map(appeal -> new SanctionView(sanction, appeal))));
    }

    /** An appeal for {@code node(id:)}: staff see any of the tenant, anyone else only their own. */
    public Uni<AppealEntity> appealNode(Tx tx, Caller caller, UUID id) {
        UUID tenant = caller.tenantId();
        return appeals.findInTenant(tenant, id).chain(appeal -> appeal == null
                ? Uni.createFrom().nullItem()
                : visible(caller, appeal.memberId).map(visible -> visible ? appeal : null));
    }

    private Uni<Boolean> visible(Caller caller, UUID memberId) {
        return caller.hasAnyRole(STAFF)
                ? Uni.createFrom().item(true)
                : members.findBySubject(caller.tenantId(), caller.subject()).map(me -> me != null && me.id.equals(memberId));
    }

    private Uni<SanctionView> view(UUID tenant, UUID sanctionId) {
        return sanctions.findInTenant(tenant, sanctionId)
                .chain(sanction -> appeals.ofSanction(tenant, sanctionId).map(appeal -> new SanctionView(sanction, appeal)));
    }

    private static Uni<SanctionTarget> refuse(String field, String code, String message) {
        return Uni.createFrom().item(refused(field, code, message));
    }

    private static SanctionTarget refused(String field, String code, String message) {
        return new SanctionTarget(null, List.of(UserError.of(field, code, message)));
    }

    private static SanctionResult unknownSanction() {
        return SanctionResult.refused("input.sanctionId", "NOT_FOUND", "No sanction of this tenant has this id.");
    }

    private static SanctionResult alreadyLifted() {
        return SanctionResult.refused("input.sanctionId", "ALREADY_LIFTED", "This sanction was already lifted.");
    }

    private static AppealResult unknownAppeal() {
        return AppealResult.refused("input.appealId", "NOT_FOUND", "No appeal of this tenant has this id.");
    }

    private static AppealResult alreadyAppealed() {
        return AppealResult.refused("input.sanctionId", "ALREADY_APPEALED", "You already appealed this sanction.");
    }

    private static AppealResult alreadyDecided() {
        return AppealResult.refused("input.appealId", "ALREADY_DECIDED", "This appeal was already decided.");
    }
}
