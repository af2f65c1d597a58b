package io.animo.platform.persistence;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.PreparedStatement;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.spi.DatabaseMetadata;

/**
 * A unit of work's connection as the code inside it sees it, Hibernate Reactive included: statements go to the
 * real connection, inside the transaction the {@link UnitOfWork} began; closing it, or beginning and ending a
 * transaction on it, changes nothing, because the unit of work does those itself. So Hibernate Reactive and plain
 * SQL share one connection and one transaction, and Hibernate keeps its transactional behaviour (flush before
 * queries and at the end) without a round trip of its own for {@code BEGIN} and {@code COMMIT}.
 */
final class SharedConnection implements SqlConnection {

    private final SqlConnection connection;
    private Transaction borrowed;

    SharedConnection(SqlConnection connection) {
        this.connection = connection;
    }

    @Override
    public Future<Transaction> begin() {
        borrowed = new BorrowedTransaction();
        return Future.succeededFuture(borrowed);
    }

    @Override
    public void begin(Handler<AsyncResult<Transaction>> handler) {
        begin().onComplete(handler);
    }

    @Override
    public Transaction transaction() {
        return borrowed;
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }

    @Override
    public void close(Handler<AsyncResult<Void>> handler) {
        close().onComplete(handler);
    }

    @Override
    public Query<RowSet<Row>> query(String sql) {
        return connection.query(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
        return connection.preparedQuery(sql);
    }

    @Override
    public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
        return connection.preparedQuery(sql, options);
    }

    @Override
    public SqlConnection prepare(String sql, Handler<AsyncResult<PreparedStatement>> handler) {
        connection.prepare(sql, handler);
        return this;
    }

    @Override
    public Future<PreparedStatement> prepare(String sql) {
        return connection.prepare(sql);
    }

    @Override
    public SqlConnection prepare(String sql, PrepareOptions options, Handler<AsyncResult<PreparedStatement>> handler) {
        connection.prepare(sql, options, handler);
        return this;
    }

    @Override
    public Future<PreparedStatement> prepare(String sql, PrepareOptions options) {
        return connection.prepare(sql, options);
    }

    // the real connection's handlers belong to the pool and the unit of work
    @Override
    public SqlConnection exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public SqlConnection closeHandler(Handler<Void> handler) {
        return this;
    }

    @Override
    public boolean isSSL() {
        return connection.isSSL();
    }

    @Override
    public DatabaseMetadata databaseMetadata() {
        return connection.databaseMetadata();
    }

    /** What a caller that "begins a transaction" gets: ending it ends nothing, the unit of work commits. */
    private final class BorrowedTransaction implements Transaction {

        @Override
        public Future<Void> commit() {
            return end();
        }

        @Override
        public void commit(Handler<AsyncResult<Void>> handler) {
            commit().onComplete(handler);
        }

        @Override
        public Future<Void> rollback() {
            return end();
        }

        @Override
        public void rollback(Handler<AsyncResult<Void>> handler) {
            rollback().onComplete(handler);
        }

        @Override
        public void completion(Handler<AsyncResult<Void>> handler) {
            completion().onComplete(handler);
        }

        @Override
        public Future<Void> completion() {
            return Future.succeededFuture();
        }

        private Future<Void> end() {
            if (borrowed == this) {
                borrowed = null;
            }
            return Future.succeededFuture();
        }
    }
}
