package io.animo.tenancy.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.platform.graphql.CostLimits;
import io.animo.platform.graphql.CostPolicy;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.TenantRealms;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Tenant key (realm, or realm/organization) → tenant lookups for every request, answered from an in-memory copy of the whole tenant
 * table (thousands of rows at most). The copy is read again when it is older than {@link #TTL}, at
 * once after a local change, and when a realm it does not know shows up, but then at most once per
 * {@link #UNKNOWN_RELOAD_INTERVAL} whatever the number of requests: a flood of forged tokens naming
 * made-up realms costs no database round trip per request, and evicts nothing. Suspension applies at
 * once on this replica, within {@link #TTL} on the others.
 */
@ApplicationScoped
public class TenantDirectory implements TenantRealms, CostPolicy {

    private static final Logger LOG = Logger.getLogger(TenantDirectory.class);

    static final Duration TTL = Duration.ofSeconds(5);
    static final Duration UNKNOWN_RELOAD_INTERVAL = Duration.ofSeconds(1);

    /**
     * The tenants as read at {@code loadedAt}, by key, and the realms they live in; {@code attemptedAt}: the last time a
     * read was tried, successful or not.
     */
    private record Snapshot(Map<String, TenantRecord> byKey, Set<String> realms, long loadedAt, long attemptedAt) {

        static Snapshot of(Map<String, TenantRecord> byKey, long loadedAt, long attemptedAt) {
            return new Snapshot(byKey, byKey.values().stream().map(TenantRecord::realm).collect(Collectors.toUnmodifiableSet()),
                    loadedAt, attemptedAt);
        }

        boolean olderThan(Duration age, long now) {
            return now - loadedAt >= age.toMillis();
        }

        boolean triedWithin(Duration interval, long now) {
            return now - attemptedAt < interval.toMillis();
        }
    }

    private final UnitOfWork unitOfWork;
    private final TenantRepository tenants;
    private volatile Snapshot snapshot = Snapshot.of(Map.of(), Long.MIN_VALUE / 2, Long.MIN_VALUE / 2);
    private final AtomicReference<Uni<Snapshot>> loading = new AtomicReference<>();
    private final AtomicLong loads = new AtomicLong();

    public TenantDirectory(UnitOfWork unitOfWork, TenantRepository tenants) {
        this.unitOfWork = unitOfWork;
        this.tenants = tenants;
    }

    /** The tenant of a key ({@link TenantRecord#key()}): a realm, or realm/organization. */
    public Uni<Optional<TenantRecord>> byKey(String key) {
        Snapshot current = snapshot;
        long now = System.currentTimeMillis();
        TenantRecord known = current.byKey().get(key);
        if (!worthAReload(current, known != null, now)) {
            return Uni.createFrom().item(Optional.ofNullable(known));
        }
        return reload().map(fresh -> Optional.ofNullable(fresh.byKey().get(key)));
    }

    /** Whether some tenant lives in the realm (its own, or the organizations realm once it holds one). */
    @Override
    public Uni<Boolean> isTenant(String realm) {
        Snapshot current = snapshot;
        long now = System.currentTimeMillis();
        boolean known = current.realms().contains(realm);
        if (!worthAReload(current, known, now)) {
            return Uni.createFrom().item(known);
        }
        return reload().map(fresh -> fresh.realms().contains(realm));
    }

    private static boolean worthAReload(Snapshot current, boolean known, long now) {
        return (!known || current.olderThan(TTL, now)) && !current.triedWithin(UNKNOWN_RELOAD_INTERVAL, now);
    }

    /** From the in-memory copy, never a round trip: asked on every operation. */
    @Override
    public Optional<CostLimits> limitsOf(String tenantKey, CostLimits defaults) {
        TenantRecord tenant = snapshot.byKey().get(tenantKey);
        if (tenant == null || !tenant.limits().any()) {
            return Optional.empty();
        }
        TenantLimits set = tenant.limits();
        return Optional.of(defaults.with(set.tenantCapacity(), set.tenantRefillPerSecond(), set.callerCapacity(),
                set.callerRefillPerSecond()));
    }

    /** After a change of a tenant on this replica: reads the table again now, so the very next request sees it. */
    public Uni<Void> refresh() {
        forget();
        return reload().replaceWithVoid();
    }

    /** After a change of a tenant on this replica: the next lookup reads the table again. */
    public void forget() {
        snapshot = new Snapshot(snapshot.byKey(), snapshot.realms(), Long.MIN_VALUE / 2, Long.MIN_VALUE / 2);
    }

    /**
     * The database is away: go on with the tenants known already (the work itself will say the database is
     * unavailable) and try reading them again in a second, not on every request.
     */
    private Snapshot keepStale(Throwable failure) {
        LOG.warnf("Could not read the tenants (%s): using the ones known already", failure.getMessage());
        Snapshot stale = new Snapshot(snapshot.byKey(), snapshot.realms(), snapshot.loadedAt(), System.currentTimeMillis());
        snapshot = stale;
        return stale;
    }

    /** How many times the tenant table was read since start: what forged tokens must not drive up. */
    public long loads() {
        return loads.get();
    }

    /**
     * One load at a time; concurrent callers share it. Each caller goes on on its own Vert.x context: the shared
     * load completes on the context of the request that started it, and the request of another caller (its
     * identity, its CDI request context) is not there.
     */
    private Uni<Snapshot> reload() {
        Context caller = Vertx.currentContext();
        Uni<Snapshot> shared = sharedLoad();
        return caller == null ? shared : shared.emitOn(task -> caller.runOnContext(ignored -> task.run()));
    }

    private Uni<Snapshot> sharedLoad() {
        Uni<Snapshot> ongoing = loading.get();
        if (ongoing != null) {
            return ongoing;
        }
        Uni<Snapshot> load = unitOfWork.platform(tx -> tenants.listAll())
                .invoke(() -> loads.incrementAndGet())
                .map(rows -> Snapshot.of(rows.stream().map(TenantRecord::of)
                        .collect(Collectors.toUnmodifiableMap(TenantRecord::key, Function.identity())),
                        System.currentTimeMillis(), System.currentTimeMillis()))
                .invoke(loaded -> snapshot = loaded)
                .onFailure(failure -> snapshot.byKey().size() > 0).recoverWithItem(failure -> keepStale(failure))
                .eventually(() -> loading.set(null))
                .memoize().indefinitely();
        return loading.compareAndSet(null, load) ? load : sharedLoad();
    }
}
