package io.animo.platform.persistence;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One resolver, one unit of work: a transaction (reads included) on a fresh duplicated Vert.x
 * context, so sibling GraphQL fields resolved concurrently never share a Hibernate Reactive session
 * (quarkus#32870). Tenant work first declares the tenant for row-level security; the setting is
 * transaction-local and cannot leak to the next user of the pooled connection.
 */
@ApplicationScoped
public class UnitOfWork {

    private final Vertx vertx;

    public UnitOfWork(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Runs {@code work} in a transaction that can see and write only {@code tenantId}'s rows. */
    public <T> Uni<T> inTenant(UUID tenantId, Supplier<Uni<T>> work) {
        return onFreshContext(() -> Panache.withTransaction(() -> declareTenant(tenantId).chain(ignored -> work.get())));
    }

    /** Runs {@code work} in a transaction with no tenant: only the platform tables are visible. */
    public <T> Uni<T> platform(Supplier<Uni<T>> work) {
        return onFreshContext(() -> Panache.withTransaction(work));
    }

    // HQL, not a native query: Hibernate caches a native query's interpretation under a key that
    // never matches the next call's, and the ever-growing cache cost a tenth of all CPU under load.
    private static Uni<Void> declareTenant(UUID tenantId) {
        return Panache.getSession()
                .chain(session -> session.createSelectionQuery(
                        "select cast(function('set_config', 'animo.tenant_id', :tenant, true) as String)", String.class)
                        .setParameter("tenant", tenantId.toString())
                        .getSingleResult())
                .replaceWithVoid();
    }

    private <T> Uni<T> onFreshContext(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context caller = Vertx.currentContext();
            Context fresh = VertxContext.createNewDuplicatedContext(caller != null ? caller : vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(fresh, true);
            fresh.runOnContext(ignored -> work.get().subscribe().with(
                    item -> backOn(caller, () -> emitter.complete(item)),
                    failure -> backOn(caller, () -> emitter.fail(failure))));
        });
    }

    private static void backOn(Context caller, Runnable action) {
        if (caller == null || caller == Vertx.currentContext()) {
            action.run();
        } else {
            caller.runOnContext(ignored -> action.run());
        }
    }
}
