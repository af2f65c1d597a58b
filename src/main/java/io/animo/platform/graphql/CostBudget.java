package io.animo.platform.graphql;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.animo.platform.security.KeycloakRealms;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The fair share of ARCHITECTURE §4: every operation costs its query-cost points (see {@link QueryLimits}),
 * taken from two leaky buckets, the caller's and their tenant's, so neither one person nor one tenant can
 * take a replica for themselves. An operation that would overdraw either is refused ({@code RATE_LIMITED}),
 * with the time after which it would fit. Buckets are kept per replica, in memory: the limit protects the
 * replica that serves the request, at no cost of a round trip. Operators set a tenant's limits
 * ({@link CostPolicy}); the defaults come from configuration.
 */
@ApplicationScoped
@Unremovable // looked up by the GraphQL instrumentation, which CDI cannot see
// Caffeine generates a class per cache shape; expiring ones are not all registered by the extension
@RegisterForReflection(classNames = {"com.github.benmanes.caffeine.cache.SSMSA", "com.github.benmanes.caffeine.cache.PSAMS"})
public class CostBudget {

    /** The outcome of charging an operation: what it cost, what is left, when the buckets are full again. */
    public record Charge(boolean allowed, int requested, long remaining, Instant resetAt, long retryAfterSeconds) {
    }

    private static final String ANONYMOUS = "anonymous";
    // idle buckets are full again long before they expire; forgetting one loses nothing
    private static final Duration IDLE = Duration.ofMinutes(15);

    private final CostLimits defaults;
    private final KeycloakRealms realms;
    private final SecurityIdentity identity;
    private final Instance<CostPolicy> policy;
    private final Cache<String, LeakyBucket> tenants = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(IDLE)
            .build();
    private final Cache<String, LeakyBucket> callers = Caffeine.newBuilder().maximumSize(1_000_000).expireAfterAccess(IDLE)
            .build();

    public CostBudget(KeycloakRealms realms, SecurityIdentity identity, Instance<CostPolicy> policy,
            @ConfigProperty(name = "animo.limits.tenant-capacity") int tenantCapacity,
            @ConfigProperty(name = "animo.limits.tenant-refill-per-second") int tenantRefill,
            @ConfigProperty(name = "animo.limits.caller-capacity") int callerCapacity,
            @ConfigProperty(name = "animo.limits.caller-refill-per-second") int callerRefill) {
        this.realms = realms;
        this.identity = identity;
        this.policy = policy;
        this.defaults = new CostLimits(tenantCapacity, tenantRefill, callerCapacity, callerRefill);
    }

    /** Charges the current caller {@code cost} points, or refuses without charging anything. */
    public Charge charge(int cost) {
        String realm = ANONYMOUS;
        String subject = ANONYMOUS;
        Optional<JsonWebToken> token = token();
        if (token.isPresent()) {
            realm = realms.realmOfIssuer(token.get().getIssuer()).orElse(ANONYMOUS);
            subject = String.valueOf(token.get().getSubject());
        }
        CostLimits limits = ANONYMOUS.equals(realm) ? defaults : policy.get().limitsOf(realm, defaults).orElse(defaults);
        long now = System.currentTimeMillis();
        LeakyBucket caller = callers.get(realm + "|" + subject, key -> new LeakyBucket(limits.callerCapacity(), now));
        LeakyBucket tenant = tenants.get(realm, key -> new LeakyBucket(limits.tenantCapacity(), now));
        LeakyBucket.Level callerLevel = caller.charge(cost, limits.callerCapacity(), limits.callerRefillPerSecond(), now);
        if (!callerLevel.charged()) {
            LeakyBucket.Level tenantLevel = tenant.peek(cost, limits.tenantCapacity(), limits.tenantRefillPerSecond(), now);
            return refused(cost, callerLevel, tenantLevel, now);
        }
        LeakyBucket.Level tenantLevel = tenant.charge(cost, limits.tenantCapacity(), limits.tenantRefillPerSecond(), now);
        if (!tenantLevel.charged()) {
            caller.refund(cost, limits.callerCapacity());
            return refused(cost, caller.peek(0, limits.callerCapacity(), limits.callerRefillPerSecond(), now), tenantLevel,
                    now);
        }
        LeakyBucket.Level lower = callerLevel.remaining() <= tenantLevel.remaining() ? callerLevel : tenantLevel;
        return new Charge(true, cost, lower.remaining(), Instant.ofEpochMilli(now + lower.millisUntilFull()), 0);
    }

    private static Charge refused(int cost, LeakyBucket.Level caller, LeakyBucket.Level tenant, long now) {
        long wait = Math.max(caller.millisUntilAffordable(), tenant.millisUntilAffordable());
        LeakyBucket.Level lower = caller.remaining() <= tenant.remaining() ? caller : tenant;
        return new Charge(false, cost, lower.remaining(), Instant.ofEpochMilli(now + lower.millisUntilFull()),
                Math.max(1, (wait + 999) / 1000));
    }

    private Optional<JsonWebToken> token() {
        try {
            if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
                return Optional.empty();
            }
            return Optional.of(token);
        } catch (ContextNotActiveException e) {
            return Optional.empty();
        }
    }
}
