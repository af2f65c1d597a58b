package io.animo.rule.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * The compiled rules that apply to one community (the tenant-wide rules plus its own), cached until
 * the rules change: at once on the replica that changed them, within {@link #TTL} elsewhere.
 * Reads run inside the caller's unit of work.
 */
@ApplicationScoped
public class RuleSets {

    static final Duration TTL = Duration.ofSeconds(10);
    private static final int MAX_CACHED = 5_000;

    private record Cached(CompiledRuleSet rules, long expiresAt) {
    }

    private final RuleRepository rules;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public RuleSets(RuleRepository rules) {
        this.rules = rules;
    }

    public Uni<CompiledRuleSet> forCommunity(UUID tenantId, UUID communityId) {
        String key = tenantId + "/" + communityId;
        Cached cached = cache.get(key);
        if (cached != null && cached.expiresAt() > System.currentTimeMillis()) {
            return Uni.createFrom().item(cached.rules());
        }
        return rules.inScope(tenantId, null).chain(tenantWide -> rules.inScope(tenantId, communityId).map(own -> {
            List<RuleDefinition> definitions = new ArrayList<>();
            tenantWide.forEach(rule -> definitions.add(RuleMatcherJson.read(rule)));
            own.forEach(rule -> definitions.add(RuleMatcherJson.read(rule)));
            CompiledRuleSet compiled = CompiledRuleSet.compile(definitions);
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(compiled, System.currentTimeMillis() + TTL.toMillis()));
            return compiled;
        }));
    }

    public void invalidate(UUID tenantId) {
        String prefix = tenantId + "/";
        cache.keySet().removeIf(key -> key.startsWith(prefix));
    }
}
