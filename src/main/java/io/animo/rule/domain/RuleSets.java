package io.animo.rule.domain;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Uni;

/**
 * The compiled rules of each scope (a tenant's tenant-wide rules, or one community's own), cached
 * until the rules change: at once on the replica that changed them, within {@link #TTL} elsewhere.
 * The cache is bounded by the memory the compiled sets keep (their estimate), not by their number,
 * so no tenant's rules can crowd the others' out of memory. Reads run inside the caller's unit of
 * work; compiling runs on the {@link RuleWorker}.
 */
@ApplicationScoped
// Caffeine generates a class per cache shape; weighed and expiring ones are not registered by the extension
@RegisterForReflection(classNames = {"com.github.benmanes.caffeine.cache.SSMWW",
        "com.github.benmanes.caffeine.cache.PSWMW"})
public class RuleSets {

    static final Duration TTL = Duration.ofSeconds(10);

    /** A scope: {@code communityId} null for the tenant-wide rules. */
    private record Scope(UUID tenantId, UUID communityId) {
    }

    private final RuleRepository rules;
    private final RuleWorker worker;
    private final Cache<Scope, CompiledRuleSet> cache;

    public RuleSets(RuleRepository rules, RuleWorker worker,
            @ConfigProperty(name = "animo.rules.cache-max-bytes", defaultValue = "64M") MemorySize maxBytes) {
        this.rules = rules;
        this.worker = worker;
        this.cache = Caffeine.newBuilder()
                .maximumWeight(maxBytes.asLongValue())
                .weigher((Scope scope, CompiledRuleSet set) -> (int) Math.min(Integer.MAX_VALUE, set.estimatedBytes()))
                .expireAfterWrite(TTL)
                .build();
    }

    public Uni<ApplicableRules> forCommunity(UUID tenantId, UUID communityId) {
        return compiled(new Scope(tenantId, null))
                .chain(tenantWide -> compiled(new Scope(tenantId, communityId))
                        .map(own -> new ApplicableRules(tenantWide, own)));
    }

    /** What {@code rules} decide for a text, judged on the {@link RuleWorker}. */
    public Uni<Verdict> judge(ApplicableRules rules, String text, PostingContext context) {
        if (rules.tenantWide().size() == 0 && rules.own().size() == 0) {
            // nothing to match: no need to hop to the rule threads and back
            return Uni.createFrom().item(rules.evaluate(text, context));
        }
        return worker.run(() -> rules.evaluate(text, context));
    }

    private Uni<CompiledRuleSet> compiled(Scope scope) {
        CompiledRuleSet cached = cache.getIfPresent(scope);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return definitions(scope.tenantId(), scope.communityId())
                .chain(definitions -> worker.run(() -> CompiledRuleSet.compile(definitions)))
                .invoke(compiled -> cache.put(scope, compiled));
    }

    /** Definitions of one scope as saved, for checking a change against the scope's limits. */
    Uni<List<RuleDefinition>> definitions(UUID tenantId, UUID communityId) {
        return rules.inScope(tenantId, communityId).map(found -> found.stream().map(RuleMatcherJson::read).toList());
    }

    public void invalidate(UUID tenantId) {
        cache.asMap().keySet().removeIf(scope -> scope.tenantId().equals(tenantId));
    }
}
