package io.animo.platform.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;

/**
 * One LISTEN connection per replica, fanned out in memory: every replica hears every committed
 * {@code pg_notify}, whichever replica wrote it. The connection comes back by itself after a loss;
 * notifications sent while it was down are not replayed ({@link #reconnected()} tells when it is
 * back, for features that keep a log to catch up from).
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);

    private final Vertx vertx;
    private final String reactiveUrl;
    private final String user;
    private final String password;
    private final Map<String, BroadcastProcessor<String>> channels = new ConcurrentHashMap<>();
    private final BroadcastProcessor<String> reconnects = BroadcastProcessor.create();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;

    public PgNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.vertx = vertx;
        this.reactiveUrl = reactiveUrl;
        this.user = user;
        this.password = password;
    }

    /** Payloads of {@code channel}, as they are committed, on every replica. */
    public synchronized Multi<String> listen(String channel) {
        BroadcastProcessor<String> processor = channels.computeIfAbsent(channel, name -> {
            BroadcastProcessor<String> created = BroadcastProcessor.create();
            if (subscriber != null) {
                subscribeChannel(name, created);
            }
            return created;
        });
        ensureConnected();
        return processor;
    }

    /** Emits each time the LISTEN connection came back after a loss. */
    public Multi<String> reconnected() {
        return reconnects;
    }

    private synchronized void ensureConnected() {
        if (subscriber != null || stopped) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(reactiveUrl.startsWith("vertx-reactive:")
                ? reactiveUrl.substring("vertx-reactive:".length())
                : reactiveUrl).setUser(user).setPassword(password);
        PgSubscriber created = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> stopped ? -1L : 500L);
        subscriber = created;
        channels.forEach(this::subscribeChannel);
        connect(created, 0);
    }

    private void subscribeChannel(String name, BroadcastProcessor<String> processor) {
        subscriber.channel(name)
                .handler(processor::onNext)
                .subscribeHandler(() -> {
                    LOG.debugf("Listening on %s", name);
                    reconnects.onNext(name);
                });
    }

    // A failed first connect is not retried by PgSubscriber itself.
    private void connect(PgSubscriber target, int attempt) {
        target.connect().subscribe().with(
                ignored -> LOG.debugf("LISTEN connection open"),
                failure -> {
                    if (stopped) {
                        return;
                    }
                    long delay = Math.min(5_000, 250L * (attempt + 1));
                    LOG.warnf("LISTEN connection failed (%s), retrying in %d ms", failure.getMessage(), delay);
                    vertx.setTimer(Duration.ofMillis(delay).toMillis(), id -> connect(target, attempt + 1));
                });
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        PgSubscriber current = subscriber;
        if (current != null) {
            current.close().subscribe().with(ignored -> {
            }, failure -> {
            });
        }
    }
}
