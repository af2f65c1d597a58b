package io.animo.rule.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.audit.domain.AuditLog;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.MutationReceipts;
import io.animo.platform.persistence.OptimisticLocks;
import io.animo.platform.persistence.TransactionLocks;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;

/** Saved moderation rules of a tenant, for the whole tenant or one community. */
@ApplicationScoped
public class RuleService {

    static final String CREATE = "ruleCreate";

    private final RuleRepository rules;
    private final CommunityGate gate;
    private final MutationReceipts receipts;
    private final AuditLog audit;
    private final RuleSets ruleSets;
    private final RuleWorker worker;

    public RuleService(RuleRepository rules, CommunityGate gate,
            MutationReceipts receipts, AuditLog audit, RuleSets ruleSets, RuleWorker worker) {
        this.ruleSets = ruleSets;
        this.worker = worker;
        this.rules = rules;
        this.gate = gate;
        this.receipts = receipts;
        this.audit = audit;
    }

    public Uni<RuleEntity> get(Tx tx, Caller caller, UUID id) {
        return rules.findInTenant(caller.tenantId(), id);
    }

    public Uni<List<RuleEntity>> list(Tx tx, Caller caller, UUID communityId) {
        return rules.inScope(caller.tenantId(), communityId);
    }

    public Uni<RuleResult> create(Tx tx, Caller caller, UUID communityId, RuleDefinition definition,
            String clientMutationId) {
        if (!MutationReceipts.validate(clientMutationId).isEmpty()) {
            return Uni.createFrom().item(RuleResult.rejected(MutationReceipts.validate(clientMutationId)));
        }
        return worker.run(() -> RuleValidator.validate(definition)).chain(errors -> errors.isEmpty()
                ? createValid(tx, caller, communityId, definition, clientMutationId)
                : Uni.createFrom().item(RuleResult.rejected(errors)));
    }

    private Uni<RuleResult> createValid(Tx tx, Caller caller, UUID communityId, RuleDefinition definition,
            String clientMutationId) {
        UUID tenant = caller.tenantId();
        return receipts.find(tx, caller, CREATE, clientMutationId).chain(previous -> {
            if (previous.isPresent()) {
                return rules.findInTenant(tenant, previous.get()).map(RuleResult::ok);
            }
            return scopeRefusal(tx, caller, communityId, "input.communityId").chain(refusal -> {
                if (refusal != null) {
                    return Uni.createFrom().item(RuleResult.rejected(refusal));
                }
                return lockedScope(tx, communityId).chain(scope -> {
                    if (scope.size() >= RuleLimits.MAX_RULES_PER_SCOPE) {
                        return Uni.createFrom().item(RuleResult.rejected(UserError.of("input.communityId", "TOO_MANY_RULES",
                                "A scope can have at most " + RuleLimits.MAX_RULES_PER_SCOPE
                                        + " rules. Delete or merge some.")));
                    }
                    List<UserError> tooMuch = ScopeLimits.check(scope, definition, null);
                    return tooMuch.isEmpty()
                            ? insert(tx, caller, communityId, definition, clientMutationId)
                            : Uni.createFrom().item(RuleResult.rejected(tooMuch));
                });
            });
        }).invoke(result -> tx.afterCommit(() -> forgetCompiledRules(tenant, result)));
    }

    /**
     * The saved rules of a scope, read while holding the scope's lock until commit: two changes of one scope
     * at the same moment are checked against its limits one after the other, never both against the old state.
     */
    private Uni<List<RuleDefinition>> lockedScope(Tx tx, UUID communityId) {
        return TransactionLocks.lock(tx, "rules:" + tx.tenantId() + ":" + (communityId == null ? "tenant" : communityId))
                .chain(() -> ruleSets.definitions(tx.tenantId(), communityId));
    }

    /** A community's rules change only while the community does (not once archived); the tenant-wide ones always. */
    private Uni<UserError> scopeRefusal(Tx tx, Caller caller, UUID communityId, String field) {
        return communityId == null
                ? Uni.createFrom().nullItem()
                : gate.check(tx, caller, communityId, CommunityAction.ADMINISTER, field).map(access -> access.refusal());
    }

    /** What a draft rule would do to {@code text}, without saving anything; validated, compiled and run off the event loop. */
    public Uni<RuleTestResult> test(RuleDefinition rule, String text, PostingContext context) {
        return worker.run(() -> {
            List<UserError> errors = new ArrayList<>(RuleValidator.validate(rule));
            if (text.length() > RuleLimits.MAX_TEST_TEXT_LENGTH) {
                errors.add(UserError.of("input.text", "TOO_LONG",
                        "Test at most " + RuleLimits.MAX_TEST_TEXT_LENGTH + " characters."));
            }
            if (!errors.isEmpty()) {
                return new RuleTestResult(null, errors);
            }
            return new RuleTestResult(CompiledRuleSet.compile(List.of(rule.enabledCopy())).evaluate(text, context), List.of());
        });
    }

    /** After commit, so no reader can cache the rules as they were before this change. */
    private void forgetCompiledRules(UUID tenant, RuleResult result) {
        if (result.userErrors().isEmpty()) {
            ruleSets.invalidate(tenant);
        }
    }

    private Uni<RuleResult> insert(Tx tx, Caller caller, UUID communityId, RuleDefinition definition,
            String clientMutationId) {
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
                .chain(() -> receipts.record(tx, caller, CREATE, clientMutationId, rule.id))
                .chain(() -> audit.record(tx, caller, "RULE_CREATED", "Rule", rule.id, describe(rule)))
                .map(ignored -> RuleResult.ok(rule));
    }

    public Uni<RuleResult> update(Tx tx, Caller caller, UUID id, long expectedVersion, RuleDefinition definition) {
        return worker.run(() -> RuleValidator.validate(definition)).chain(errors -> errors.isEmpty()
                ? updateValid(tx, caller, id, expectedVersion, definition)
                : Uni.createFrom().item(RuleResult.rejected(errors)));
    }

    private Uni<RuleResult> updateValid(Tx tx, Caller caller, UUID id, long expectedVersion, RuleDefinition definition) {
        UUID tenant = caller.tenantId();
        tx.recover(OptimisticLocks::isStale,
                () -> Uni.createFrom().item(RuleResult.rejected(OptimisticLocks.staleError("rule"))));
        return rules.findInTenant(tenant, id).chain(rule -> {
            if (rule == null) {
                return Uni.createFrom().item(RuleResult.notFound("input.id", "rule"));
            }
            if (rule.version != expectedVersion) {
                return Uni.createFrom().item(RuleResult.rejected(OptimisticLocks.staleError("rule")));
            }
            return scopeRefusal(tx, caller, rule.communityId, "input.id").chain(refusal -> refusal != null
                    ? Uni.createFrom().item(RuleResult.rejected(refusal))
                    : lockedScope(tx, rule.communityId).chain(scope -> {
                        List<UserError> tooMuch = ScopeLimits.check(scope, definition, rule.id.toString());
                        if (!tooMuch.isEmpty()) {
                            return Uni.createFrom().item(RuleResult.rejected(tooMuch));
                        }
                        apply(rule, definition);
                        rule.updatedAt = DbTime.now();
                        return rules.flush()
                                .chain(() -> audit.record(tx, caller, "RULE_UPDATED", "Rule", rule.id, describe(rule)))
                                .map(ignored -> RuleResult.ok(rule));
                    }));
        }).invoke(result -> tx.afterCommit(() -> forgetCompiledRules(tenant, result)));
    }

    public Uni<RuleResult> delete(Tx tx, Caller caller, UUID id) {
        UUID tenant = caller.tenantId();
        return rules.findInTenant(tenant, id).chain(rule -> rule == null
                ? Uni.createFrom().item(RuleResult.notFound("input.id", "rule"))
                : scopeRefusal(tx, caller, rule.communityId, "input.id").chain(refusal -> refusal != null
                        ? Uni.createFrom().item(RuleResult.rejected(refusal))
                        : rules.delete(rule)
                                .chain(() -> audit.record(tx, caller, "RULE_DELETED", "Rule", rule.id, describe(rule)))
                                .map(ignored -> new RuleResult(null, List.of()))))
                .invoke(result -> tx.afterCommit(() -> forgetCompiledRules(tenant, result)));
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
