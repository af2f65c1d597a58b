package io.animo.platform.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Proof that code runs inside a unit of work: only {@link UnitOfWork} makes one, and hands it to the
 * work it runs. Services take a {@code Tx}: they cannot be called from outside a unit, and a unit of work
 * cannot be opened inside another ({@link UnitOfWork} refuses), so nothing silently commits apart. Units are
 * entered at the API boundary (resolvers, and background jobs), never by a service.
 * <p>
 * A failure that ends the transaction (a lost race on a unique key, a stale version at flush) cannot be
 * answered inside it: the work declares here how to answer it ({@link #recover}), or what to do in a new unit
 * ({@link #retry}), and the unit of work does so once it has rolled back.
 */
public final class Tx {

    private final UUID tenantId;
    private SqlConnection sql;
    private final List<Recovery> recoveries = new ArrayList<>(2);
    private final List<Runnable> afterCommit = new ArrayList<>(1);

    private record Recovery(Predicate<Throwable> when, Supplier<? extends Uni<?>> answer,
            Function<Tx, ? extends Uni<?>> again) {
    }

    Tx(UUID tenantId) {
        this.tenantId = tenantId;
    }

    void attach(SqlConnection connection) {
        this.sql = connection;
    }

    /** The tenant whose rows this transaction sees (row-level security); null in a platform transaction. */
    public UUID tenantId() {
        return tenantId;
    }

    /**
     * The unit's connection, inside its transaction, for repositories that speak SQL. Hibernate Reactive shares
     * it; plain SQL sees what Hibernate has flushed.
     */
    public SqlConnection sql() {
        return sql;
    }

    /** Runs {@code action} once the unit has committed (a cache to forget, a signal to send); never on rollback. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    void committed() {
        afterCommit.forEach(Runnable::run);
    }

    /** If the work fails with a failure {@code when} accepts, the unit rolls back and answers {@code answer} instead. */
    public <T> void recover(Predicate<Throwable> when, Supplier<Uni<T>> answer) {
        recoveries.add(new Recovery(when, answer, null));
    }

    /** If the work fails with a failure {@code when} accepts, the unit rolls back and runs {@code again} in a new one. */
    public <T> void retry(Predicate<Throwable> when, Function<Tx, Uni<T>> again) {
        recoveries.add(new Recovery(when, null, again));
    }

    /** What the work declared for {@code failure}: an answer, or the work of a new unit (at most one of them). */
    Optional<Recovery> recoveryFor(Throwable failure) {
        return recoveries.stream().filter(recovery -> recovery.when().test(failure)).findFirst();
    }

    @SuppressWarnings("unchecked")
    <T> Uni<T> recover(Throwable failure, Function<Function<Tx, Uni<T>>, Uni<T>> newUnit) {
        Optional<Recovery> recovery = recoveryFor(failure);
        if (recovery.isEmpty()) {
            return Uni.createFrom().failure(failure);
        }
        Recovery found = recovery.get();
        return found.answer() != null
                ? (Uni<T>) found.answer().get()
                : newUnit.apply(tx -> (Uni<T>) found.again().apply(tx));
    }
}
