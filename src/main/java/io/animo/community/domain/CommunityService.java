package io.animo.community.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Constraints;
import io.animo.platform.persistence.MutationReceipts;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/** Community use cases, each inside the caller's unit of work (entered by the API). */
@ApplicationScoped
public class CommunityService {

    static final String CREATE = "communityCreate";
    private static final String SLUG_CONSTRAINT = "community_tenant_id_slug_key";

    private final CommunityRepository communities;
    private final MutationReceipts receipts;
    private final CommunityEvents events;
    private final AuditLog audit;

    public CommunityService(CommunityRepository communities, MutationReceipts receipts, CommunityEvents events,
            AuditLog audit) {
        this.communities = communities;
        this.receipts = receipts;
        this.events = events;
        this.audit = audit;
    }

    public Uni<CommunityEntity> get(Tx tx, UUID id) {
        return communities.read(tx, id);
    }

    public Uni<CommunityEntity> getBySlug(Tx tx, String slug) {
        return communities.readBySlug(tx, slug);
    }

    public Uni<List<CommunityEntity>> getAll(Tx tx, List<UUID> ids) {
        return communities.readByIds(tx, ids);
    }

    /** A page of communities, with their total when {@code withTotal}. */
    public Uni<Page<CommunityEntity>> page(Tx tx, CommunityQuery query, boolean withTotal) {
        return communities.readPage(tx, query, withTotal);
    }

    public Uni<CommunityResult> create(Tx tx, Caller caller, CommunityDraft draft, String clientMutationId) {
        List<UserError> errors = new ArrayList<>(CommunityRules.validate(draft, true));
        errors.addAll(MutationReceipts.validate(clientMutationId));
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(CommunityResult.rejected(errors));
        }
        tx.retry(failure -> Constraints.isUniqueViolation(failure, null),
                again -> afterLostRace(again, caller, draft, clientMutationId));
        return receipts.find(tx, caller, CREATE, clientMutationId)
                .chain(previous -> previous.isPresent()
                        ? communities.findInTenant(tx.tenantId(), previous.get()).map(CommunityResult::ok)
                        : insert(tx, caller, draft, clientMutationId));
    }

    /**
     * A concurrent request won the insert. When it was the same create retried (same
     * clientMutationId), answer with its community; otherwise the slug was taken meanwhile.
     */
    private Uni<CommunityResult> afterLostRace(Tx tx, Caller caller, CommunityDraft draft, String clientMutationId) {
        return receipts.find(tx, caller, CREATE, clientMutationId)
                .chain(previous -> previous.isPresent()
                        ? communities.findInTenant(tx.tenantId(), previous.get()).map(CommunityResult::ok)
                        : Uni.createFrom().item(CommunityResult.rejected(CommunityRules.slugTaken(draft.slug()))));
    }

    private Uni<CommunityResult> insert(Tx tx, Caller caller, CommunityDraft draft, String clientMutationId) {
        return communities.findBySlug(caller.tenantId(), draft.slug()).chain(existing -> {
            if (existing != null) {
                return Uni.createFrom().item(CommunityResult.rejected(CommunityRules.slugTaken(draft.slug())));
            }
            Instant now = now();
            CommunityEntity community = new CommunityEntity();
            community.id = UUID.randomUUID();
            community.tenantId = caller.tenantId();
            community.rename(draft.name().strip());
            community.slug = draft.slug();
            community.description = blankToNull(draft.description());
            community.visibility = draft.visibility();
            community.status = CommunityStatus.ACTIVE;
            community.createdBySubject = caller.subject();
            community.createdByName = caller.displayName();
            community.createdAt = now;
            community.updatedAt = now;
            return communities.persistAndFlush(community)
                    .chain(() -> receipts.record(tx, caller, CREATE, clientMutationId, community.id))
                    .chain(() -> audit.record(tx, caller, "COMMUNITY_CREATED", "Community", community.id, community.name))
                    .chain(() -> events.publish(tx, CommunityChangeType.CREATED, community))
                    .map(ignored -> CommunityResult.ok(community));
        });
    }

    public Uni<CommunityResult> update(Tx tx, Caller caller, UUID id, long expectedVersion, CommunityDraft changes) {
        List<UserError> errors = CommunityRules.validate(changes, false);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(CommunityResult.rejected(errors));
        }
        UUID tenant = tx.tenantId();
        tx.recover(failure -> Constraints.isUniqueViolation(failure, SLUG_CONSTRAINT),
                () -> Uni.createFrom().item(CommunityResult.rejected(CommunityRules.slugTaken(changes.slug()))));
        tx.recover(OptimisticLocks::isStale,
                () -> Uni.createFrom().item(CommunityResult.rejected(OptimisticLocks.staleError("community"))));
        return communities.findInTenant(tenant, id).chain(community -> {
            Optional<UserError> problem = checkEditable(community, expectedVersion);
            if (problem.isPresent()) {
                return Uni.createFrom().item(CommunityResult.rejected(problem.get()));
            }
            if (changes.slug() != null && !changes.slug().equals(community.slug)) {
                return communities.findBySlug(tenant, changes.slug()).chain(other -> other != null
                        ? Uni.createFrom().item(CommunityResult.rejected(CommunityRules.slugTaken(changes.slug())))
                        : apply(tx, caller, community, changes));
            }
            return apply(tx, caller, community, changes);
        });
    }

    private Uni<CommunityResult> apply(Tx tx, Caller caller, CommunityEntity community, CommunityDraft changes) {
        if (changes.name() != null) {
            community.rename(changes.name().strip());
        }
        if (changes.slug() != null) {
            community.slug = changes.slug();
        }
        if (changes.description() != null) {
            community.description = blankToNull(changes.description());
        }
        if (changes.visibility() != null) {
            community.visibility = changes.visibility();
        }
        community.updatedAt = now();
        return communities.flush()
                .chain(() -> audit.record(tx, caller, "COMMUNITY_UPDATED", "Community", community.id, community.name))
                .chain(() -> events.publish(tx, CommunityChangeType.UPDATED, community))
                .map(ignored -> CommunityResult.ok(community));
    }

    /** Crisis modes; each change is audited and announced on the community events subscription. */
    public Uni<CommunityResult> setModes(Tx tx, Caller caller, UUID id, Integer slowModeSeconds, Boolean preModeration,
            Boolean readOnly) {
        if (slowModeSeconds != null && (slowModeSeconds < 0 || slowModeSeconds > 86_400)) {
            return Uni.createFrom().item(CommunityResult.rejected(UserError.of("input.slowModeSeconds", "OUT_OF_RANGE",
                    "Slow mode is between 0 (off) and 86400 seconds.")));
        }
        tx.recover(OptimisticLocks::isStale,
                () -> Uni.createFrom().item(CommunityResult.rejected(OptimisticLocks.staleError("community"))));
        return communities.findInTenant(tx.tenantId(), id).chain(community -> {
            Optional<UserError> problem = checkEditable(community, null);
            if (problem.isPresent()) {
                return Uni.createFrom().item(CommunityResult.rejected(problem.get()));
            }
            if (slowModeSeconds != null) {
                community.slowModeSeconds = slowModeSeconds;
            }
            if (preModeration != null) {
                community.preModeration = preModeration;
            }
            if (readOnly != null) {
                community.readOnly = readOnly;
            }
            community.updatedAt = now();
            String modes = "slow mode " + community.slowModeSeconds + " s, pre-moderation "
                    + (community.preModeration ? "on" : "off") + ", read-only " + (community.readOnly ? "on" : "off");
            return communities.flush()
                    .chain(() -> audit.record(tx, caller, "COMMUNITY_MODES_CHANGED", "Community", community.id, modes))
                    .chain(() -> events.publish(tx, CommunityChangeType.MODES_CHANGED, community))
                    .map(ignored -> CommunityResult.ok(community));
        });
    }

    public Uni<CommunityResult> archive(Tx tx, Caller caller, UUID id, Long expectedVersion) {
        tx.recover(OptimisticLocks::isStale,
                () -> Uni.createFrom().item(CommunityResult.rejected(OptimisticLocks.staleError("community"))));
        return communities.findInTenant(tx.tenantId(), id).chain(community -> {
            Optional<UserError> problem = checkEditable(community, expectedVersion);
            if (problem.isPresent()) {
                return Uni.createFrom().item(CommunityResult.rejected(problem.get()));
            }
            Instant now = now();
            community.status = CommunityStatus.ARCHIVED;
            community.archivedAt = now;
            community.updatedAt = now;
            return communities.flush()
                    .chain(() -> audit.record(tx, caller, "COMMUNITY_ARCHIVED", "Community", community.id, community.name))
                    .chain(() -> events.publish(tx, CommunityChangeType.ARCHIVED, community))
                    .map(ignored -> CommunityResult.ok(community));
        });
    }

    private static Optional<UserError> checkEditable(CommunityEntity community, Long expectedVersion) {
        if (community == null) {
            return Optional.of(UserError.of("input.id", "NOT_FOUND", "No community of this tenant has this id."));
        }
        if (community.status == CommunityStatus.ARCHIVED) {
            return Optional.of(UserError.of("input.id", "ARCHIVED", "This community is archived and can no longer change."));
        }
        if (expectedVersion != null && expectedVersion != community.version) {
            return Optional.of(OptimisticLocks.staleError("community"));
        }
        return Optional.empty();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
