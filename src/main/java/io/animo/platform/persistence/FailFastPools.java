package io.animo.platform.persistence;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;

/**
 * The reactive pool, made to fail fast when PostgreSQL is away (restarting, failing over, unreachable):
 * opening a connection gives up after {@code animo.db.connect-timeout}, waiting for a pooled one after
 * {@code animo.db.connection-wait}, and the wait queue is bounded. Requests then answer {@code UNAVAILABLE}
 * within seconds instead of hanging for a minute (the Vert.x defaults), and the pool reconnects by itself
 * once the server is back: every unit of work asks it for a connection anew. Inside a unit of work the pool
 * hands out the unit's own connection ({@link UnitAwarePool}).
 */
@Singleton
public class FailFastPools implements PgPoolCreator {

    private final int connectTimeoutMillis;
    private final int connectionWaitMillis;
    private final int maxWaiting;

    public FailFastPools(@ConfigProperty(name = "animo.db.connect-timeout", defaultValue = "2s") java.time.Duration connect,
            @ConfigProperty(name = "animo.db.connection-wait", defaultValue = "3s") java.time.Duration wait,
            @ConfigProperty(name = "animo.db.max-waiting", defaultValue = "1000") int maxWaiting) {
        this.connectTimeoutMillis = (int) connect.toMillis();
        this.connectionWaitMillis = (int) wait.toMillis();
        this.maxWaiting = maxWaiting;
    }

    @Override
    public Pool create(Input input) {
        PoolOptions pool = input.poolOptions()
                .setConnectionTimeout(connectionWaitMillis)
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxWaitQueueSize(maxWaiting);
        input.pgConnectOptionsList().forEach(options -> options.setConnectTimeout(connectTimeoutMillis).setTcpKeepAlive(true));
        return new UnitAwarePool(PgPool.pool(input.vertx(), input.pgConnectOptionsList(), pool));
    }
}
