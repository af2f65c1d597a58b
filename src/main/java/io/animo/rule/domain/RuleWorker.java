package io.animo.rule.domain;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

/**
 * Where rules are compiled and matched: a small pool of worker threads of its own, never an event
 * loop (a tenant's rules, bounded as they are, must not stall other requests) and never the shared
 * worker pool (blocking calls to Keycloak wait there). The result comes back on the caller's Vert.x
 * context, so a Hibernate Reactive session opened there can go on being used.
 */
@ApplicationScoped
public class RuleWorker {

    private final WorkerExecutor executor;

    public RuleWorker(Vertx vertx, @ConfigProperty(name = "animo.rules.worker-threads", defaultValue = "2") int threads) {
        // a task may run past the budget of one message (a backtest batch), not for minutes: Vert.x warns past 10 s
        this.executor = vertx.createSharedWorkerExecutor("animo-rules", threads, 10, TimeUnit.SECONDS);
    }

    public <T> Uni<T> run(Supplier<T> work) {
        return Uni.createFrom().emitter(emitter -> executor.<T>executeBlocking(work::get, false).onComplete(result -> {
            if (result.succeeded()) {
                emitter.complete(result.result());
            } else {
                emitter.fail(result.cause());
            }
        }));
    }

    @PreDestroy
    void close() {
        executor.close();
    }
}
