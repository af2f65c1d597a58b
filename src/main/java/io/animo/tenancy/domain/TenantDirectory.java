package io.animo.tenancy.domain;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.TenantRealms;
import io.smallrye.mutiny.Uni;

/**
 * Realm → tenant lookups for every request, cached briefly. Suspension invalidates the local entry
 * at once; other replicas see it within {@link #TTL}.
 */
@ApplicationScoped
public class TenantDirectory implements TenantRealms {

    static final Duration TTL = Duration.ofSeconds(5);
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(Optional<TenantRecord> tenant, long expiresAt) {
    }

    private final UnitOfWork unitOfWork;
    private final TenantRepository tenants;
    private final Map<String, Entry> byRealm = new ConcurrentHashMap<>();

    public TenantDirectory(UnitOfWork unitOfWork, TenantRepository tenants) {
        this.unitOfWork = unitOfWork;
        this.tenants = tenants;
    }

    public Uni<Optional<TenantRecord>> byRealm(String realm) {
        Entry cached = byRealm.get(realm);
        if (cached != null && cached.expiresAt() > System.currentTimeMillis()) {
            return Uni.createFrom().item(cached.tenant());
        }
        return unitOfWork.platform(() -> tenants.findByRealm(realm))
                .map(entity -> Optional.ofNullable(entity).map(TenantRecord::of))
                .invoke(found -> remember(realm, found));
    }

    @Override
    public Uni<Boolean> isTenant(String realm) {
        return byRealm(realm).map(Optional::isPresent);
    }

    private void remember(String realm, Optional<TenantRecord> found) {
        // bounded: made-up realm names in forged tokens must not grow memory
        if (byRealm.size() >= MAX_ENTRIES) {
            byRealm.clear();
        }
        byRealm.put(realm, new Entry(found, System.currentTimeMillis() + TTL.toMillis()));
    }

    public void forget(String realm) {
        byRealm.remove(realm);
    }
}
