package io.animo.platform.persistence;

import java.util.Map;
import java.util.Set;
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
 * {@code pg_notify}, whichever replica wrote it. The connection comes back by itself after a loss (and
 * after a failed first connect, which PgSubscriber does not retry: a new subscriber is made). What was
 * notified while it was down is lost, so each time it is back {@link #reconnected()} names the channels
 * that may have missed something: their subscribers are told to reload.
 */
@ApplicationScoped
public class PgNotifications {

    private static final Logger LOG = Logger.getLogger(PgNotifications.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Map<String, BroadcastProcessor<String>> channels = new ConcurrentHashMap<>();
    private final BroadcastProcessor<String> reconnects = BroadcastProcessor.create();
    private volatile PgSubscriber subscriber;
    private volatile boolean stopped;
    private final Set<String> listenedOnce = ConcurrentHashMap.newKeySet();

    public PgNotifications(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password", defaultValue = "") String password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(reactiveUrl.startsWith("vertx-reactive:")
                ? reactiveUrl.substring("vertx-reactive:".length())
                : reactiveUrl).setUser(user).setPassword(password).setTcpKeepAlive(true).setConnectTimeout(2_000);
    }

    /** Payloads of {@code channel}, as they are committed, on every replica. */
    public synchronized Multi<String> listen(String channel) {
        BroadcastProcessor<String> processor = channels.computeIfAbsent(channel, name -> {
            BroadcastProcessor<String> created = BroadcastProcessor.create();
            if (subscriber != null) {
                subscribeChannel(subscriber, name, created);
            }
            return created;
        });
        if (subscriber == null && !stopped) {
            start(0);
        }
        return processor;
    }

    /** Emits a channel's name each time the LISTEN connection is back after a loss: what was notified meanwhile is lost. */
    public Multi<String> reconnected() {
        return reconnects;
    }

    /** Emits each time {@code channel} may have missed notifications (its LISTEN connection came back after a loss). */
    public Multi<String> gapsOf(String channel) {
        return reconnects.filter(channel::equals);
    }

    private synchronized void start(int attempt) {
        if (stopped) {
            return;
        }
        PgSubscriber created = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(retries -> stopped ? -1L : Math.min(MAX_BACKOFF_MILLIS, 250L * (retries + 1)));
        // the policy never gives up; if the subscriber closes anyway (not by us), a new one takes over
        created.closeHandler(() -> {
            if (!stopped && subscriber == created) {
                vertx.setTimer(1_000, id -> start(0));
            }
        });
        channels.forEach((name, processor) -> subscribeChannel(created, name, processor));
        subscriber = created;
        created.connect().subscribe().with(
                ignored -> LOG.debugf("LISTEN connection open"),
                failure -> {
                    if (stopped) {
                        return;
                    }
                    long delay = Math.min(MAX_BACKOFF_MILLIS, 250L * (attempt + 1));
                    LOG.warnf("LISTEN connection failed (%s), retrying in %d ms", failure.getMessage(), delay);
                    // a PgSubscriber whose first connect failed never connects again: start over with a new one
                    created.close().subscribe().with(ignored -> {
                    }, ignored -> {
                    });
                    vertx.setTimer(delay, id -> start(attempt + 1));
                });
    }

    private void subscribeChannel(PgSubscriber target, String name, BroadcastProcessor<String> processor) {
        // the subscribe handler first: setting the handler sends LISTEN at once on an open connection, and a
        // LISTEN nobody saw confirmed would make the next one (after a loss) look like the first
        target.channel(name)
                .subscribeHandler(() -> {
                    if (listenedOnce.add(name)) {
                        LOG.debugf("Listening on %s", name);
                    } else {
                        LOG.infof("Listening on %s again: notifications sent meanwhile were lost", name);
                        reconnects.onNext(name);
                    }
                })
                .handler(processor::onNext);
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
