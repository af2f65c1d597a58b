package io.animo.guideline.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityEntity;
import io.animo.activity.domain.ActivityKind;
import io.animo.audit.domain.AuditLog;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.member.domain.MemberEntity;
import io.animo.member.domain.MemberRepository;
import io.animo.member.domain.MembershipRepository;
import io.animo.platform.graphql.TextFields;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.MutationReceipts;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/**
 * Community guidelines: staff write, edit (keeping every previous version), delete and order them;
 * every such change is audited and bumps the community's guidelines revision, which members
 * acknowledge. Changes of one community's guidelines are serialised by locking its row.
 */
@ApplicationScoped
public class GuidelineService {

    public static final int MAX_GUIDELINES = 50;
    /** Previous versions a guideline shows (the newest); older ones stay in the audit log's summaries. */
    static final int HISTORY_KEPT = 50;
    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 10_000;
    private static final String CREATE = "guidelineCreate";
    private static final String NO_COMMUNITY = "No community of this tenant has this id.";

    private final MemberRepository members;
    private final MembershipRepository memberships;
    private final GuidelineRepository guidelines;
    private final CommunityGuidelinesRepository communities;
    private final GuidelineAcknowledgementRepository acknowledgements;
    private final MutationReceipts receipts;
    private final AuditLog audit;

    private final CommunityGate gate;

    public GuidelineService(MemberRepository members, MembershipRepository memberships, GuidelineRepository guidelines,
            CommunityGuidelinesRepository communities, GuidelineAcknowledgementRepository acknowledgements,
            MutationReceipts receipts, AuditLog audit, CommunityGate gate) {
        this.gate = gate;
        this.members = members;
        this.memberships = memberships;
        this.guidelines = guidelines;
        this.communities = communities;
        this.acknowledgements = acknowledgements;
        this.receipts = receipts;
        this.audit = audit;
    }

    public Uni<GuidelineResult> create(Tx tx, Caller caller, UUID communityId, String title, String body, Integer position,
            String clientMutationId) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.title", title, TITLE_MAX);
        TextFields.check(errors, "input.body", body, BODY_MAX);
        if (position != null && position < 1) {
            errors.add(UserError.of("input.position", "INVALID_POSITION", "Positions start at 1."));
        }
        errors.addAll(MutationReceipts.validate(clientMutationId));
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(GuidelineResult.refused(errors));
        }
        UUID tenant = caller.tenantId();
        return administered(tx, caller, communityId, "input.communityId").chain(community -> {
            if (community.refusal() != null) {
                return Uni.createFrom().item(GuidelineResult.refused(List.of(community.refusal())));
            }
            return receipts.find(tx, caller, CREATE, clientMutationId).chain(previous -> previous.isPresent()
                    ? guidelines.findActive(tenant, previous.get()).chain(earlier -> earlier == null
                            ? Uni.createFrom().item(guidelineNotFound())
                            : view(earlier).map(GuidelineResult::ok))
                    : insert(tx, caller, community.guidelines(), title, body, position, clientMutationId));
        });
    }

    private Uni<GuidelineResult> insert(Tx tx, Caller caller, CommunityGuidelinesEntity community, String title,
            String body, Integer position, String clientMutationId) {
        UUID tenant = caller.tenantId();
        return guidelines.active(tenant, community.id).chain(current -> {
            if (current.size() >= MAX_GUIDELINES) {
                return Uni.createFrom().item(GuidelineResult.refused("input.communityId", "LIMIT_REACHED",
                        "A community has at most " + MAX_GUIDELINES + " guidelines."));
            }
            int at = position == null || position > current.size() ? current.size() + 1 : position;
            current.stream().filter(g -> g.position >= at).forEach(g -> g.position++);
            Instant now = now();
            GuidelineEntity guideline = new GuidelineEntity();
            guideline.id = UUID.randomUUID();
            guideline.tenantId = tenant;
            guideline.communityId = community.id;
            guideline.position = at;
            guideline.title = title.strip();
            guideline.body = body.strip();
            guideline.revision = 1;
            guideline.createdAt = now;
            guideline.createdBySubject = caller.subject();
            guideline.createdByName = caller.displayName();
            guideline.updatedAt = now;
            guideline.updatedBySubject = caller.subject();
            guideline.updatedByName = caller.displayName();
            community.revision++;
            return guidelines.persistAndFlush(guideline)
                    .chain(() -> receipts.record(tx, caller, CREATE, clientMutationId, guideline.id))
                    .chain(() -> audit.record(tx, caller, "GUIDELINE_CREATED", "Guideline", guideline.id, guideline.title))
                    .map(ignored -> GuidelineResult.ok(new GuidelineView(guideline, List.of())));
        });
    }

    public Uni<GuidelineResult> update(Tx tx, Caller caller, UUID id, String title, String body, int expectedRevision) {
        List<UserError> errors = new ArrayList<>();
        TextFields.check(errors, "input.title", title, TITLE_MAX);
        TextFields.check(errors, "input.body", body, BODY_MAX);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(GuidelineResult.refused(errors));
        }
        tx.recover(failure -> OptimisticLocks.isStale(failure)
                || Constraints.isUniqueViolation(failure, "guideline_revision_pkey"),
                () -> Uni.createFrom().item(revisionConflict(null)));
        return editable(tx, caller, id).chain(found -> {
            if (found == null) {
                return Uni.createFrom().item(guidelineNotFound());
            }
            if (found.refusal() != null) {
                return Uni.createFrom().item(GuidelineResult.refused(List.of(found.refusal())));
            }
            GuidelineEntity guideline = found.guideline();
            if (guideline.revision != expectedRevision) {
                return Uni.createFrom().item(revisionConflict(guideline.revision));
            }
            if (guideline.title.equals(title.strip()) && guideline.body.equals(body.strip())) {
                return view(guideline).map(GuidelineResult::ok);
            }
            GuidelineRevisionEntity previous = GuidelineRevisionEntity.of(guideline);
            guideline.title = title.strip();
            guideline.body = body.strip();
            guideline.revision++;
            guideline.updatedAt = now();
            guideline.updatedBySubject = caller.subject();
            guideline.updatedByName = caller.displayName();
            found.community().revision++;
            return guidelines.persistRevisionAndFlush(previous)
                    .chain(() -> audit.record(tx, caller, "GUIDELINE_UPDATED", "Guideline", guideline.id,
                            guideline.title + " (revision " + guideline.revision + ")"))
                    .chain(() -> view(guideline))
                    .map(GuidelineResult::ok);
        });
    }

    public Uni<GuidelineResult> delete(Tx tx, Caller caller, UUID id) {
        UUID tenant = caller.tenantId();
        tx.recover(OptimisticLocks::isStale, () -> Uni.createFrom().item(revisionConflict(null)));
        return editable(tx, caller, id).chain(found -> {
            if (found == null) {
                return Uni.createFrom().item(guidelineNotFound());
            }
            if (found.refusal() != null) {
                return Uni.createFrom().item(GuidelineResult.refused(List.of(found.refusal())));
            }
            GuidelineEntity guideline = found.guideline();
            return guidelines.active(tenant, guideline.communityId).chain(current -> {
                current.stream().filter(g -> g.position > guideline.position).forEach(g -> g.position--);
                guideline.deleted = true;
                guideline.updatedAt = now();
                guideline.updatedBySubject = caller.subject();
                guideline.updatedByName = caller.displayName();
                found.community().revision++;
                return guidelines.flush()
                        .chain(() -> audit.record(tx, caller, "GUIDELINE_DELETED", "Guideline", guideline.id, guideline.title))
                        .map(ignored -> GuidelineResult.ok(new GuidelineView(guideline, List.of())));
            });
        });
    }

    public Uni<GuidelinesResult> reorder(Tx tx, Caller caller, UUID communityId, List<UUID> order) {
        if (order.size() > MAX_GUIDELINES) {
            return Uni.createFrom().item(GuidelinesResult.refused("input.guidelineIds", "INVALID_ORDER",
                    "A community has at most " + MAX_GUIDELINES + " guidelines."));
        }
        UUID tenant = caller.tenantId();
        return administered(tx, caller, communityId, "input.communityId")
                .chain(administered -> administered.refusal() != null
                        ? Uni.createFrom().item(GuidelinesResult.refused(List.of(administered.refusal())))
                        : reorder(tx, caller, administered.guidelines(), order));
    }

    private Uni<GuidelinesResult> reorder(Tx tx, Caller caller, CommunityGuidelinesEntity community, List<UUID> order) {
        UUID tenant = tx.tenantId();
        UUID communityId = community.id;
        return guidelines.active(tenant, communityId).chain(current -> {
            Set<UUID> ids = current.stream().map(g -> g.id).collect(Collectors.toSet());
            if (order.size() != current.size() || !ids.equals(new HashSet<>(order))) {
                return Uni.createFrom().item(GuidelinesResult.refused("input.guidelineIds", "INVALID_ORDER",
                        "List every guideline of the community exactly once."));
            }
            Map<UUID, GuidelineEntity> byId = current.stream()
                    .collect(Collectors.toMap(g -> g.id, g -> g));
            boolean changed = false;
            for (int i = 0; i < order.size(); i++) {
                GuidelineEntity guideline = byId.get(order.get(i));
                if (guideline.position != i + 1) {
                    guideline.position = i + 1;
                    changed = true;
                }
            }
            if (!changed) {
                return guidelinesOf(caller, community).map(GuidelinesResult::ok);
            }
            community.revision++;
            return guidelines.flush()
                    .chain(() -> audit.record(tx, caller, "GUIDELINES_REORDERED", "Community", communityId,
                            "Guidelines reordered (revision " + community.revision + ")"))
                    .chain(() -> guidelinesOf(caller, community))
                    .map(GuidelinesResult::ok);
        });
    }

    public Uni<GuidelinesResult> requireAcknowledgement(Tx tx, Caller caller, UUID communityId, boolean required) {
        UUID tenant = caller.tenantId();
        return administered(tx, caller, communityId, "input.communityId").chain(found -> {
            if (found.refusal() != null) {
                return Uni.createFrom().item(GuidelinesResult.refused(List.of(found.refusal())));
            }
            CommunityGuidelinesEntity community = found.guidelines();
            if (community.acknowledgementRequired == required) {
                return guidelinesOf(caller, community).map(GuidelinesResult::ok);
            }
            community.acknowledgementRequired = required;
            String summary = required
                    ? "Members must acknowledge the guidelines before posting"
                    : "Acknowledging the guidelines is optional";
            Uni<Void> audited = communities.flush()
                    .chain(() -> audit.record(tx, caller, "GUIDELINES_ACKNOWLEDGEMENT_REQUIRED", "Community", communityId,
                            summary));
            Uni<GuidelinesView> view = audited.chain(() -> guidelinesOf(caller, community));
            return view.map(GuidelinesResult::ok);
        });
    }

    public Uni<GuidelinesResult> acknowledge(Tx tx, Caller caller, UUID communityId, int revision) {
        UUID tenant = caller.tenantId();
        // the same member acknowledging twice at once: the second attempt finds the first's row
        // (on that row's key only: the second attempt updates the row instead of inserting, so it cannot loop)
        tx.retry(failure -> Constraints.isUniqueViolation(failure, "guideline_acknowledgement_pkey"),
                again -> acknowledge(again, caller, communityId, revision));
        return gate.check(tx, caller, communityId, CommunityAction.PARTICIPATE,
                "input.communityId").chain(
                        access -> !access.allowed()
                                ? Uni.createFrom().item(GuidelinesResult.refused(List.of(access.refusal())))
                                : communities.findInTenant(tenant, communityId).chain(community -> {
                                    MemberEntity member = access.member();
                                    if (revision != community.revision) {
                                        return Uni.createFrom()
                                                .item(GuidelinesResult.refused("input.revision", "STALE_REVISION",
                                                        "The guidelines changed since you read them (now revision "
                                                                + community.revision
                                                                + "). Read them again and acknowledge the current revision."));
                                    }
                                    return acknowledgements.ofMember(tenant, communityId, member.id).chain(existing -> {
                                        Instant now = now();
                                        GuidelineAcknowledgementEntity ack = existing != null
                                                ? existing
                                                : new GuidelineAcknowledgementEntity();
                                        ack.tenantId = tenant;
                                        ack.communityId = communityId;
                                        ack.memberId = member.id;
                                        ack.revision = revision;
                                        ack.acknowledgedAt = now;
                                        ActivityEntity activity = Activities.of(tenant, communityId, member.id,
                                                ActivityKind.GUIDELINES_ACKNOWLEDGED, now);
                                        return acknowledgements.saveAndFlush(ack, existing == null, activity)
                                                .chain(() -> items(tenant, communityId))
                                                .map(items -> GuidelinesResult.ok(new GuidelinesView(communityId,
                                                        community.revision, community.acknowledgementRequired, revision,
                                                        items)));
                                    });
                                }));
    }

    /** The community's guidelines as the caller sees them; null when the tenant has no such community. */
    /** Null when the tenant has no such community, or it is private and the caller neither a member nor staff. */
    public Uni<GuidelinesView> guidelines(Tx tx, Caller caller, UUID communityId) {
        UUID tenant = caller.tenantId();
        return gate.check(tx, caller, communityId, CommunityAction.READ, "communityId")
                .chain(access -> !access.allowed()
                        ? Uni.createFrom().<GuidelinesView>nullItem()
                        : communities.findInTenant(tenant, communityId).chain(community -> guidelinesOf(caller, community)));
    }

    /** One guideline with its history; null when deleted, not of the caller's tenant, or not theirs to read. */
    public Uni<GuidelineView> get(Tx tx, Caller caller, UUID id) {
        UUID tenant = caller.tenantId();
        return guidelines.findActive(tenant, id).chain(guideline -> guideline == null
                ? Uni.createFrom().nullItem()
                : gate.check(tx, caller, guideline.communityId, CommunityAction.READ, "id").chain(access -> access.allowed()
                        ? view(guideline)
                        : Uni.createFrom().nullItem()));
    }

    private Uni<GuidelinesView> guidelinesOf(Caller caller, CommunityGuidelinesEntity community) {
        UUID tenant = caller.tenantId();
        return items(tenant, community.id).chain(items -> members.findBySubject(tenant, caller.subject())
                .chain(member -> member == null
                        ? Uni.createFrom().<GuidelineAcknowledgementEntity>nullItem()
                        : acknowledgements.ofMember(tenant, community.id, member.id))
                .map(ack -> new GuidelinesView(community.id, community.revision, community.acknowledgementRequired,
                        ack == null ? null : ack.revision, items)));
    }

    /** The guidelines in order, each with its previous versions: two queries, whatever their number. */
    private Uni<List<GuidelineView>> items(UUID tenant, UUID communityId) {
        return guidelines.active(tenant, communityId).chain(active -> history(tenant, active.stream().map(g -> g.id).toList())
                .map(history -> active.stream()
                        .map(g -> new GuidelineView(g, history.getOrDefault(g.id, List.of())))
                        .toList()));
    }

    private Uni<GuidelineView> view(GuidelineEntity guideline) {
        return history(guideline.tenantId, List.of(guideline.id))
                .map(history -> new GuidelineView(guideline, history.getOrDefault(guideline.id, List.of())));
    }

    private Uni<Map<UUID, List<GuidelineRevisionEntity>>> history(UUID tenant, List<UUID> guidelineIds) {
        return guidelines.history(tenant, guidelineIds, HISTORY_KEPT);
    }

    private record Editable(GuidelineEntity guideline, CommunityGuidelinesEntity community, UserError refusal) {
    }

    /** A community's guidelines row, locked, when the gate lets the caller change what governs the community. */
    private record Administered(CommunityGuidelinesEntity guidelines, UserError refusal) {
    }

    private Uni<Administered> administered(Tx tx, Caller caller, UUID communityId, String field) {
        return gate.check(tx, caller, communityId, CommunityAction.ADMINISTER, field).chain(access -> !access.allowed()
                ? Uni.createFrom().item(new Administered(null, access.refusal()))
                : communities.findLocked(tx.tenantId(), communityId).map(community -> community == null
                        ? new Administered(null, UserError.of(field, "NOT_FOUND", NO_COMMUNITY))
                        : new Administered(community, null)));
    }

    /**
     * The guideline and its community's row, locked; null when there is no such guideline. The guideline is
     * read again once the lock is held: a change committed while waiting for it must not be overwritten.
     */
    private Uni<Editable> editable(Tx tx, Caller caller, UUID id) {
        return guidelines.findActive(tx.tenantId(), id).chain(guideline -> guideline == null
                ? Uni.createFrom().nullItem()
                : administered(tx, caller, guideline.communityId, "input.id").chain(found -> found.refusal() != null
                        ? Uni.createFrom().item(new Editable(null, null, found.refusal()))
                        : guidelines.reload(guideline)
                                .map(ignored -> guideline.deleted ? null : new Editable(guideline, found.guidelines(), null))));
    }

    private static GuidelineResult guidelineNotFound() {
        return GuidelineResult.refused("input.id", "NOT_FOUND", "No guideline of this tenant has this id.");
    }

    private static GuidelineResult revisionConflict(Integer current) {
        return GuidelineResult.refused("input.expectedRevision", "REVISION_CONFLICT",
                "Someone changed this guideline since you read it" + (current == null ? "" : " (now revision " + current + ")")
                        + ". Reload it and apply your change again.");
    }

}
