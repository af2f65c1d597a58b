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
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;

/**
 * The fair share of ARCHITECTURE §4: every operation costs its query-cost points (see {@link QueryLimits}),
 * taken from two leaky buckets, the caller's and their tenant's, so neither one person nor one tenant can
 * take a replica for themselves. An operation that would overdraw either is refused ({@code RATE_LIMITED}),
 * with the time after which it would fit. Buckets are kept per replica, in memory: the limit protects the
 * replica that serves the request, at no cost of a round trip. Operators set a tenant's limits
 * ({@link CostPolicy}); the defaults come from configuration.
 * <p>
 * A refused request sent again with the same token before it could fit is refused again before it is even
 * authenticated ({@link #standingRefusal}, by {@link GraphQLDoor}): a client hammering at its limit costs the
 * replica little more than reading its requests.
 */
@ApplicationScoped
@Unremovable // looked up by the GraphQL instrumentation, which CDI cannot see
// Caffeine generates a class per cache shape; expiring ones are not all registered by the extension
@RegisterForReflection(classNames = {"com.github.benmanes.caffeine.cache.SSMSA", "com.github.benmanes.caffeine.cache.PSAMS"})
public class CostBudget {

    /** The outcome of charging an operation: what it cost, what is left, when the buckets are full again. */
    public record Charge(boolean allowed, int requested, long remaining, Instant resetAt, long retryAfterSeconds,
            long retryAfterMillis) {

        /** What a refused caller reads. */
        public String refusalMessage() {
            return "This operation costs " + requested + " points and your budget holds " + remaining + " now: retry in "
                    + retryAfterSeconds + " s, or ask for less at once.";
        }
    }

    /** Routing-context key of a hash of the HTTP request's body: the same request sent again has the same. */
    public static final String REQUEST_KEY = "animo.request-key";
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
    // per bearer token, the last request refused and when it could fit at the earliest
    private final Cache<String, Refusal> refusals = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private final CurrentVertxRequest request;

    private record Refusal(int requestKey, int cost, long until, Payer payer) {
    }

    /** Who is charged: realm and subject, and the limits of their tenant. */
    /** {@code tenant}: the tenant key of the token (a realm, or realm/organization). */
    private record Payer(String tenant, String subject, CostLimits limits) {

        String callerKey() {
            return tenant + "|" + subject;
        }
    }

    public CostBudget(KeycloakRealms realms, SecurityIdentity identity, Instance<CostPolicy> policy,
            CurrentVertxRequest request,
            @ConfigProperty(name = "animo.limits.tenant-capacity") int tenantCapacity,
            @ConfigProperty(name = "animo.limits.tenant-refill-per-second") int tenantRefill,
            @ConfigProperty(name = "animo.limits.caller-capacity") int callerCapacity,
            @ConfigProperty(name = "animo.limits.caller-refill-per-second") int callerRefill) {
        this.realms = realms;
        this.identity = identity;
        this.policy = policy;
        this.request = request;
        this.defaults = new CostLimits(tenantCapacity, tenantRefill, callerCapacity, callerRefill);
    }

    /** Charges the current caller {@code cost} points, or refuses without charging anything. */
    public Charge charge(int cost) {
        Optional<JsonWebToken> token = token(identity);
        Payer payer = payer(token);
        CostLimits limits = payer.limits();
        long now = System.currentTimeMillis();
        LeakyBucket caller = callers.get(payer.callerKey(), key -> new LeakyBucket(limits.callerCapacity(), now));
        LeakyBucket tenant = tenants.get(payer.tenant(), key -> new LeakyBucket(limits.tenantCapacity(), now));
        LeakyBucket.Level callerLevel = caller.charge(cost, limits.callerCapacity(), limits.callerRefillPerSecond(), now);
        if (!callerLevel.charged()) {
            LeakyBucket.Level tenantLevel = tenant.peek(cost, limits.tenantCapacity(), limits.tenantRefillPerSecond(), now);
            return remember(payer, token, refused(cost, callerLevel, tenantLevel, now), now);
        }
        LeakyBucket.Level tenantLevel = tenant.charge(cost, limits.tenantCapacity(), limits.tenantRefillPerSecond(), now);
        if (!tenantLevel.charged()) {
            caller.refund(cost, limits.callerCapacity());
            return remember(payer, token, refused(cost, caller.peek(0, limits.callerCapacity(),
                    limits.callerRefillPerSecond(), now), tenantLevel, now), now);
        }
        LeakyBucket.Level lower = callerLevel.remaining() <= tenantLevel.remaining() ? callerLevel : tenantLevel;
        return new Charge(true, cost, lower.remaining(), Instant.ofEpochMilli(now + lower.millisUntilFull()), 0, 0);
    }

    /**
     * The refusal that still stands for this very request ({@code requestKey}, see {@link #REQUEST_KEY}) sent with this
     * very bearer token: the buckets cannot hold its cost before then, so it need not be authenticated, parsed or run
     * to be refused again. Empty once it could fit, and for any other request or token.
     */
    public Optional<Charge> standingRefusal(String bearerToken, int requestKey) {
        Refusal refusal = refusals.getIfPresent(bearerToken);
        long now = System.currentTimeMillis();
        if (refusal == null || refusal.requestKey() != requestKey || now >= refusal.until()) {
            return Optional.empty();
        }
        Payer payer = refusal.payer();
        CostLimits limits = payer(payer.tenant(), payer.subject()).limits();
        LeakyBucket callerBucket = callers.getIfPresent(payer.callerKey());
        LeakyBucket tenantBucket = tenants.getIfPresent(payer.tenant());
        if (callerBucket == null || tenantBucket == null) {
            return Optional.empty();
        }
        return Optional.of(refused(refusal.cost(),
                callerBucket.peek(refusal.cost(), limits.callerCapacity(), limits.callerRefillPerSecond(), now),
                tenantBucket.peek(refusal.cost(), limits.tenantCapacity(), limits.tenantRefillPerSecond(), now), now));
    }

    private Charge remember(Payer payer, Optional<JsonWebToken> token, Charge refusal, long now) {
        Object key = currentRequestKey();
        if (key instanceof Integer requestKey && token.isPresent() && token.get().getRawToken() != null) {
            refusals.put(token.get().getRawToken(),
                    new Refusal(requestKey, refusal.requested(), now + refusal.retryAfterMillis(), payer));
        }
        return refusal;
    }

    private Object currentRequestKey() {
        try {
            return request.getCurrent() == null ? null : request.getCurrent().get(REQUEST_KEY);
        } catch (ContextNotActiveException e) {
            return null;
        }
    }

    private Payer payer(Optional<JsonWebToken> token) {
        if (token.isEmpty()) {
            return payer(ANONYMOUS, ANONYMOUS);
        }
        return payer(realms.tenantKeyOf(token.get()).orElse(ANONYMOUS), String.valueOf(token.get().getSubject()));
    }

    private Payer payer(String tenant, String subject) {
        CostLimits limits = ANONYMOUS.equals(tenant) ? defaults : policy.get().limitsOf(tenant, defaults).orElse(defaults);
        return new Payer(tenant, subject, limits);
    }

    private static Charge refused(int cost, LeakyBucket.Level caller, LeakyBucket.Level tenant, long now) {
        long wait = Math.max(caller.millisUntilAffordable(), tenant.millisUntilAffordable());
        LeakyBucket.Level lower = caller.remaining() <= tenant.remaining() ? caller : tenant;
        return new Charge(false, cost, lower.remaining(), Instant.ofEpochMilli(now + lower.millisUntilFull()),
                Math.max(1, (wait + 999) / 1000), wait);
    }

    private static Optional<JsonWebToken> token(SecurityIdentity identity) {
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
