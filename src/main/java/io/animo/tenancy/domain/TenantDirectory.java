package io.animo.tenancy.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
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

/**
 * Realm → tenant lookups for every request, answered from an in-memory copy of the whole tenant
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

    /** The tenants as read at {@code loadedAt}; {@code attemptedAt}: the last time a read was tried, successful or not. */
    private record Snapshot(Map<String, TenantRecord> byRealm, long loadedAt, long attemptedAt) {

        boolean olderThan(Duration age, long now) {
            return now - loadedAt >= age.toMillis();
        }

        boolean triedWithin(Duration interval, long now) {
            return now - attemptedAt < interval.toMillis();
        }
    }

    private final UnitOfWork unitOfWork;
    private final TenantRepository tenants;
    private volatile Snapshot snapshot = new Snapshot(Map.of(), Long.MIN_VALUE / 2, Long.MIN_VALUE / 2);
    private final AtomicReference<Uni<Snapshot>> loading = new AtomicReference<>();
    private final AtomicLong loads = new AtomicLong();

    public TenantDirectory(UnitOfWork unitOfWork, TenantRepository tenants) {
        this.unitOfWork = unitOfWork;
        this.tenants = tenants;
    }

    public Uni<Optional<TenantRecord>> byRealm(String realm) {
        Snapshot current = snapshot;
        long now = System.currentTimeMillis();
        TenantRecord known = current.byRealm().get(realm);
        boolean stale = current.olderThan(TTL, now);
        boolean worthAReload = known == null || stale;
        if (!worthAReload || current.triedWithin(UNKNOWN_RELOAD_INTERVAL, now)) {
            return Uni.createFrom().item(Optional.ofNullable(known));
        }
        return reload().map(fresh -> Optional.ofNullable(fresh.byRealm().get(realm)));
    }

    @Override
    public Uni<Boolean> isTenant(String realm) {
        return byRealm(realm).map(Optional::isPresent);
    }

    /** From the in-memory copy, never a round trip: asked on every operation. */
    @Override
    public Optional<CostLimits> limitsOf(String realm, CostLimits defaults) {
        TenantRecord tenant = snapshot.byRealm().get(realm);
        if (tenant == null || !tenant.limits().any()) {
            return Optional.empty();
        }
        TenantLimits set = tenant.limits();
        return Optional.of(defaults.with(set.tenantCapacity(), set.tenantRefillPerSecond(), set.callerCapacity(),
                set.callerRefillPerSecond()));
    }

    /** After a change of a tenant on this replica: reads the table again now, so the very next request sees it. */
    public Uni<Void> refresh() {
        forget(null);
        return reload().replaceWithVoid();
    }

    /** After a change of a tenant on this replica: the next lookup reads the table again. */
    public void forget(String realm) {
        snapshot = new Snapshot(snapshot.byRealm(), Long.MIN_VALUE / 2, Long.MIN_VALUE / 2);
    }

    /**
     * The database is away: go on with the tenants known already (the work itself will say the database is
     * unavailable) and try reading them again in a second, not on every request.
     */
    private Snapshot keepStale(Throwable failure) {
        LOG.warnf("Could not read the tenants (%s): using the ones known already", failure.getMessage());
        Snapshot stale = new Snapshot(snapshot.byRealm(), snapshot.loadedAt(), System.currentTimeMillis());
        snapshot = stale;
        return stale;
    }

    /** How many times the tenant table was read since start: what forged tokens must not drive up. */
    public long loads() {
        return loads.get();
    }

    /** One load at a time; concurrent callers share it. */
    private Uni<Snapshot> reload() {
        Uni<Snapshot> ongoing = loading.get();
        if (ongoing != null) {
            return ongoing;
        }
        Uni<Snapshot> load = unitOfWork.platform(tx -> tenants.listAll())
                .invoke(() -> loads.incrementAndGet())
                .map(rows -> new Snapshot(rows.stream().map(TenantRecord::of)
                        .collect(Collectors.toUnmodifiableMap(TenantRecord::realm, Function.identity())),
                        System.currentTimeMillis(), System.currentTimeMillis()))
                .invoke(loaded -> snapshot = loaded)
                .onFailure(failure -> snapshot.byRealm().size() > 0).recoverWithItem(failure -> keepStale(failure))
                .eventually(() -> loading.set(null))
                .memoize().indefinitely();
        return loading.compareAndSet(null, load) ? load : reload();
    }
}
