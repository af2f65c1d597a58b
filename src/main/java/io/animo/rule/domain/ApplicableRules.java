package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The rules a community's messages pass: the tenant-wide set and the community's own, compiled and
 * cached separately (the tenant-wide set once per tenant, not once per community), judged together
 * within one {@link RuleLimits#EVALUATION_BUDGET}.
 */
public record ApplicableRules(CompiledRuleSet tenantWide, CompiledRuleSet own) {

    /** The longest window of the flood rules, to count an author's recent messages over (0: none). */
    public int floodWindowSeconds() {
        return Math.max(tenantWide.floodWindowSeconds(), own.floodWindowSeconds());
    }

    /** Call it off the event loop ({@link RuleWorker}). */
    public Verdict evaluate(String text, PostingContext context) {
        long deadline = System.nanoTime() + RuleLimits.EVALUATION_BUDGET.toNanos();
        List<RuleHit> hits = new ArrayList<>();
        Integer tenantMute = tenantWide.collect(text, context, deadline, hits);
        Integer ownMute = own.collect(text, context, deadline, hits);
        return Verdict.of(hits, longest(tenantMute, ownMute));
    }

    private static Integer longest(Integer a, Integer b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : Integer.valueOf(Math.max(a, b));
    }
}
