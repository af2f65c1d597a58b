package io.animo.rule.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.community.domain.CommunityRepository;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.MutationReceipts;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/** Saved moderation rules of a tenant, for the whole tenant or one community. */
@ApplicationScoped
public class RuleService {

    static final String CREATE = "ruleCreate";

    private final UnitOfWork unitOfWork;
    private final RuleRepository rules;
    private final CommunityRepository communities;
    private final MutationReceipts receipts;
    private final AuditLog audit;
    private final RuleSets ruleSets;

    public RuleService(UnitOfWork unitOfWork, RuleRepository rules, CommunityRepository communities,
            MutationReceipts receipts, AuditLog audit, RuleSets ruleSets) {
        this.ruleSets = ruleSets;
        this.unitOfWork = unitOfWork;
        this.rules = rules;
        this.communities = communities;
        this.receipts = receipts;
        this.audit = audit;
    }

    public Uni<RuleEntity> get(Caller caller, UUID id) {
        return unitOfWork.inTenant(caller.tenantId(), () -> rules.findInTenant(caller.tenantId(), id));
    }

    public Uni<List<RuleEntity>> list(Caller caller, UUID communityId) {
        return unitOfWork.inTenant(caller.tenantId(), () -> rules.inScope(caller.tenantId(), communityId));
    }

    public Uni<RuleResult> create(Caller caller, UUID communityId, RuleDefinition definition, String clientMutationId) {
        List<UserError> errors = RuleValidator.validate(definition);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(RuleResult.rejected(errors));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> receipts.find(tenant, CREATE, clientMutationId).chain(previous -> {
            if (previous.isPresent()) {
                return rules.findInTenant(tenant, previous.get()).map(RuleResult::ok);
            }
            return scopeExists(tenant, communityId).chain(exists -> {
                if (!exists) {
                    return Uni.createFrom().item(RuleResult.notFound("input.communityId", "community"));
                }
                return rules.countInScope(tenant, communityId).chain(count -> count >= RuleLimits.MAX_RULES_PER_SCOPE
                        ? Uni.createFrom().item(RuleResult.rejected(UserError.of("input.communityId", "TOO_MANY_RULES",
                                "A scope can have at most " + RuleLimits.MAX_RULES_PER_SCOPE
                                        + " rules. Delete or merge some.")))
                        : insert(caller, communityId, definition, clientMutationId));
            });
        })).invoke(result -> forgetCompiledRules(tenant, result));
    }

    /** After commit, so no reader can cache the rules as they were before this change. */
    private void forgetCompiledRules(UUID tenant, RuleResult result) {
        if (result.userErrors().isEmpty()) {
            ruleSets.invalidate(tenant);
        }
    }

    private Uni<Boolean> scopeExists(UUID tenant, UUID communityId) {
        return communityId == null
                ? Uni.createFrom().item(true)
                : communities.findInTenant(tenant, communityId).map(community -> community != null);
    }

    private Uni<RuleResult> insert(Caller caller, UUID communityId, RuleDefinition definition, String clientMutationId) {
        Instant now = DbTime.now();
        RuleEntity rule = new RuleEntity();
        rule.id = UUID.randomUUID();
        rule.tenantId = caller.tenantId();
        rule.communityId = communityId;
        apply(rule, definition);
        rule.createdBySubject = caller.subject();
        rule.createdByName = caller.displayName();
        rule.createdAt = now;
        rule.updatedAt = now;
        return rules.persistAndFlush(rule)
                .chain(() -> receipts.record(caller.tenantId(), CREATE, clientMutationId, rule.id))
                .chain(() -> audit.record(caller, "RULE_CREATED", "Rule", rule.id, describe(rule)))
                .map(ignored -> RuleResult.ok(rule));
    }

    public Uni<RuleResult> update(Caller caller, UUID id, long expectedVersion, RuleDefinition definition) {
        List<UserError> errors = RuleValidator.validate(definition);
        if (!errors.isEmpty()) {
            return Uni.createFrom().item(RuleResult.rejected(errors));
        }
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> rules.findInTenant(tenant, id).chain(rule -> {
            if (rule == null) {
                return Uni.createFrom().item(RuleResult.notFound("input.id", "rule"));
            }
            if (rule.version != expectedVersion) {
                return Uni.createFrom().item(RuleResult.rejected(OptimisticLocks.staleError("rule")));
            }
            apply(rule, definition);
            rule.updatedAt = DbTime.now();
            return rules.flush()
                    .chain(() -> audit.record(caller, "RULE_UPDATED", "Rule", rule.id, describe(rule)))
                    .map(ignored -> RuleResult.ok(rule));
        })).invoke(result -> forgetCompiledRules(tenant, result))
                .onFailure(OptimisticLocks::isStale)
                .recoverWithItem(() -> RuleResult.rejected(OptimisticLocks.staleError("rule")));
    }

    public Uni<RuleResult> delete(Caller caller, UUID id) {
        UUID tenant = caller.tenantId();
        return unitOfWork.inTenant(tenant, () -> rules.findInTenant(tenant, id).chain(rule -> rule == null
                ? Uni.createFrom().item(RuleResult.notFound("input.id", "rule"))
                : rules.delete(rule)
                        .chain(() -> audit.record(caller, "RULE_DELETED", "Rule", rule.id, describe(rule)))
                        .map(ignored -> new RuleResult(null, List.of()))))
                .invoke(result -> forgetCompiledRules(tenant, result));
    }

    private static String describe(RuleEntity rule) {
        return rule.name + " (" + rule.kind + " → " + rule.action + ", " + (rule.enabled ? "enabled" : "disabled")
                + (rule.communityId == null ? ", whole tenant)" : ", one community)");
    }

    private static void apply(RuleEntity rule, RuleDefinition definition) {
        rule.name = definition.name().strip();
        rule.kind = definition.kind();
        rule.matcher = RuleMatcherJson.write(definition);
        rule.action = definition.action();
        rule.severity = definition.severity();
        rule.muteMinutes = definition.muteMinutes();
        rule.enabled = definition.enabled();
    }
}
