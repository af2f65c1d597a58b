package io.animo.platform.persistence;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * One resolver, one unit of work: a transaction (reads included) on a fresh duplicated Vert.x
 * context, so sibling GraphQL fields resolved concurrently never share a Hibernate Reactive session
 * (quarkus#32870). Tenant work first declares the tenant for row-level security; the setting is
 * transaction-local and cannot leak to the next user of the pooled connection.
 * <p>
 * Two guarantees besides: a unit of work is never opened inside another (it fails loudly instead of
 * committing apart from its caller), and the root fields of one GraphQL operation hold at most
 * {@code animo.graphql.max-connections-per-operation} connections at a time: the others wait their turn,
 * so one request of many aliased fields cannot take the whole pool.
 */
@ApplicationScoped
public class UnitOfWork {

    private static final String OPEN = "animo.unit-of-work";
    private static final String SLOTS = "animo.operation-slots";

    private final Vertx vertx;
    private final int connectionsPerOperation;

    public UnitOfWork(Vertx vertx,
            @ConfigProperty(name = "animo.graphql.max-connections-per-operation", defaultValue = "4") int connectionsPerOperation) {
        this.vertx = vertx;
        this.connectionsPerOperation = connectionsPerOperation;
    }

    /** Runs {@code work} in a transaction that can see and write only {@code tenantId}'s rows. */
    public <T> Uni<T> inTenant(UUID tenantId, Function<Tx, Uni<T>> work) {
        Tx tx = new Tx(tenantId);
        return onFreshContext(() -> Panache.withTransaction(() -> declareTenant(tenantId).chain(ignored -> work.apply(tx))));
    }

    /** Runs {@code work} in a transaction with no tenant: only the platform tables are visible. */
    public <T> Uni<T> platform(Function<Tx, Uni<T>> work) {
        Tx tx = new Tx(null);
        return onFreshContext(() -> Panache.withTransaction(() -> work.apply(tx)));
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
        return Uni.createFrom().deferred(() -> {
            Context caller = Vertx.currentContext();
            if (caller != null && VertxContext.isDuplicatedContext(caller) && ContextLocals.get(OPEN).isPresent()) {
                return Uni.createFrom().failure(new IllegalStateException(
                        "A unit of work was opened inside another one: pass the caller's Tx down instead."));
            }
            Context origin = caller != null ? caller : vertx.getOrCreateContext();
            OperationSlots slots = slotsOf(caller);
            return Uni.createFrom().<T>emitter(emitter -> slots.acquire(() -> {
                Context fresh = VertxContext.createNewDuplicatedContext(origin);
                VertxContextSafetyToggle.setContextSafe(fresh, true);
                fresh.runOnContext(ignored -> {
                    ContextLocals.put(OPEN, Boolean.TRUE);
                    startedOrFailed(work).subscribe().with(
                            item -> backOn(origin, () -> {
                                slots.release();
                                emitter.complete(item);
                            }),
                            failure -> backOn(origin, () -> {
                                slots.release();
                                emitter.fail(failure);
                            }));
                });
            }));
        });
    }

    private static <T> Uni<T> startedOrFailed(Supplier<Uni<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
    }

    /** The slots of the operation running on {@code caller} (its request's context), or a fresh, unshared set. */
    private OperationSlots slotsOf(Context caller) {
        if (caller == null || !VertxContext.isDuplicatedContext(caller)) {
            return new OperationSlots(connectionsPerOperation);
        }
        return ContextLocals.<OperationSlots>get(SLOTS).orElseGet(() -> {
            OperationSlots created = new OperationSlots(connectionsPerOperation);
            ContextLocals.put(SLOTS, created);
            return created;
        });
    }

    private static void backOn(Context origin, Runnable action) {
        if (origin == Vertx.currentContext()) {
            action.run();
        } else {
            origin.runOnContext(ignored -> action.run());
        }
    }
}
