package io.animo.platform.persistence;

import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;

/**
 * One resolver, one unit of work: one connection and one transaction (reads included) on a fresh duplicated
 * Vert.x context, so sibling GraphQL fields resolved concurrently never share a Hibernate Reactive session
 * (quarkus#32870). The unit begins its transaction and declares its tenant for row-level security in a single
 * message ({@code BEGIN; SELECT set_config(...)}), without waiting for the answer: the work's first statements
 * follow it on the same connection. The setting is transaction-local and cannot leak to the next user of the
 * pooled connection. Plain SQL ({@link Tx#sql()}) and Hibernate Reactive (Panache) both work on that one
 * connection and transaction ({@link SharedConnection}); a Hibernate session opens only if the work uses one
 * ({@link SessionOnDemand}); the unit commits once the work's result is there.
 * <p>
 * Two guarantees besides: a unit of work is never opened inside another (it fails loudly instead of
 * committing apart from its caller), and the root fields of one GraphQL operation hold at most
 * {@code animo.graphql.max-connections-per-operation} connections at a time: the others wait their turn,
 * so one request of many aliased fields cannot take the whole pool.
 */
@ApplicationScoped
public class UnitOfWork {

    private static final Logger LOG = Logger.getLogger(UnitOfWork.class);
    private static final String OPEN = "animo.unit-of-work";
    private static final String SLOTS = "animo.operation-slots";

    private final Vertx vertx;
    private final Pool pool;
    private final int connectionsPerOperation;
    private final SessionOnDemand sessions;

    public UnitOfWork(Vertx vertx, Pool pool,
            @ConfigProperty(name = "animo.graphql.max-connections-per-operation", defaultValue = "4") int connectionsPerOperation,
            SessionOnDemand sessions) {
        this.vertx = vertx;
        this.pool = pool;
        this.sessions = sessions;
        this.connectionsPerOperation = connectionsPerOperation;
    }

    /** Runs {@code work} in a transaction that can see and write only {@code tenantId}'s rows. */
    public <T> Uni<T> inTenant(UUID tenantId, Function<Tx, Uni<T>> work) {
        Tx tx = new Tx(tenantId);
        // a UUID prints as hex digits and dashes only: safe to put in the statement's text
        return onFreshContext(() -> run("BEGIN; SELECT set_config('animo.tenant_id', '" + tenantId + "', true)", tx,
                work))
                .onFailure().recoverWithUni(failure -> tx.recover(failure, again -> inTenant(tenantId, again)));
    }

    /** Runs {@code work} in a transaction with no tenant: only the platform tables are visible. */
    public <T> Uni<T> platform(Function<Tx, Uni<T>> work) {
        Tx tx = new Tx(null);
        return onFreshContext(() -> run("BEGIN", tx, work))
                .onFailure().recoverWithUni(failure -> tx.recover(failure, this::platform));
    }

    private <T> Uni<T> run(String begin, Tx tx, Function<Tx, Uni<T>> work) {
        // a fresh context holds no unit's connection yet: the pool gives a connection of its own
        return Uni.createFrom().completionStage(() -> pool.getConnection().toCompletionStage())
                .chain(connection -> {
                    SharedConnection shared = new SharedConnection(connection);
                    ContextLocals.put(UnitAwarePool.CONNECTION, shared);
                    // sent now; the work's statements queue up behind it on the same connection
                    Future<Void> begun = connection.query(begin).execute().mapEmpty();
                    tx.attach(io.vertx.mutiny.sqlclient.SqlConnection.newInstance(shared));
                    return sessions.run(() -> work.apply(tx))
                            .call(() -> Uni.createFrom().completionStage(begun.toCompletionStage()))
                            .call(() -> end(connection, "COMMIT"))
                            .invoke(tx::committed)
                            .onFailure().call(() -> end(connection, "ROLLBACK").onFailure().recoverWithNull())
                            .onTermination().invoke(() -> {
                                ContextLocals.remove(UnitAwarePool.CONNECTION);
                                connection.close();
                            });
                });
    }

    private static Uni<Void> end(SqlConnection connection, String statement) {
        return Uni.createFrom().completionStage(() -> connection.query(statement).execute().<Void>mapEmpty()
                .toCompletionStage())
                .onFailure().invoke(failure -> {
                    if ("ROLLBACK".equals(statement)) {
                        LOG.warnf("ROLLBACK failed: %s", failure.getMessage());
                    }
                });
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
