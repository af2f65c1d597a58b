package io.animo.platform.persistence;

import java.util.Optional;
import java.util.function.Function;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;

/**
 * The application's pool. Inside a {@link UnitOfWork} it hands out the unit's own connection (as a
 * {@link SharedConnection}), so whatever asks the pool for a connection there (Hibernate Reactive's session) works
 * in the unit's transaction; anywhere else it is the pool itself.
 */
@SuppressWarnings("deprecation") // Quarkus's reactive PostgreSQL extension still expects a PgPool
final class UnitAwarePool implements PgPool {

    static final String CONNECTION = "animo.unit-connection";

    private final PgPool pool;

    UnitAwarePool(PgPool pool) {
        this.pool = pool;
    }

    /** The connection of the unit of work running on the current context, if any. */
    static Optional<SharedConnection> current() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return ContextLocals.get(CONNECTION);
    }

    @Override
    public Future<SqlConnection> getConnection() {
        Optional<SharedConnection> shared = current();
        return shared.isPresent() ? Future.succeededFuture(shared.get()) : pool.getConnection();
    }

    @Override
    public void getConnection(Handler<AsyncResult<SqlConnection>> handler) {
        getConnection().onComplete(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return pool.query(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return pool.preparedQuery(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return pool.preparedQuery(sql, options);
    }

    @Override
    public PgPool connectHandler(Handler<SqlConnection> handler) {
        pool.connectHandler(handler);
        return this;
    }

    @Override
    public PgPool connectionProvider(Function<Context, Future<SqlConnection>> provider) {
        pool.connectionProvider(provider);
        return this;
    }

    @Override
    public int size() {
        return pool.size();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        pool.close(handler);
    }

    @Override
    public Future<Void> close() {
        return pool.close();
    }
}
