package io.animo.listening.domain;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.animo.listening.domain.ListeningRepository.Claimed;
import io.animo.platform.persistence.UnitOfWork;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Polls the due feeds of every tenant, from whichever replica gets there first: a turn claims due sources with a
 * lease ({@code for update skip locked}), so each is polled by one replica at a time, and starts their fetches
 * without waiting for them: each source is fetched, stored and rescheduled on its own, so a slow feed delays no
 * other. At most {@code max-concurrent} fetches run at once per replica. The next poll comes after the source's
 * interval (±10 % jitter, so that sources added together drift apart), or after a backoff that doubles with each
 * failure in a row (up to 6 hours). A replica that dies mid-fetch leaves the lease to expire; entries are stored
 * once whatever happens (by their id in the source).
 */
@ApplicationScoped
public class ListeningPoller {

    private static final Logger LOG = Logger.getLogger(ListeningPoller.class);
    private static final Duration MAX_BACKOFF = Duration.ofHours(6);

    private final UnitOfWork units;
    private final ListeningRepository sources;
    private final ListeningService listening;
    private final FeedFetcher fetcher;
    private final Vertx vertx;
    private final Duration every;
    private final int maxConcurrent;
    private final int leaseSeconds;
    private final AtomicBoolean claiming = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile long timer = -1;

    public ListeningPoller(UnitOfWork units, ListeningRepository sources, ListeningService listening,
            FeedFetcher fetcher, Vertx vertx,
            @ConfigProperty(name = "animo.listening.poll-every", defaultValue = "1s") Duration every,
            @ConfigProperty(name = "animo.listening.max-concurrent", defaultValue = "16") int maxConcurrent,
            @ConfigProperty(name = "animo.listening.fetch-timeout", defaultValue = "15s") Duration fetchTimeout) {
        this.units = units;
        this.sources = sources;
        this.listening = listening;
        this.fetcher = fetcher;
        this.vertx = vertx;
        this.every = every;
        this.maxConcurrent = maxConcurrent;
        // long enough for the fetch and the storing that follows it
        this.leaseSeconds = (int) fetchTimeout.toSeconds() * 4 + 30;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(every.toMillis(), ignored -> turn());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** Claims what is due (within the free fetch slots) and starts fetching it. */
    void turn() {
        int free = maxConcurrent - inFlight.get();
        if (free <= 0 || !claiming.compareAndSet(false, true)) {
            return;
        }
        units.platform(tx -> sources.claimDue(tx, free, leaseSeconds)).eventually(() -> claiming.set(false))
                .subscribe().with(claimed -> claimed.forEach(this::poll),
                        failure -> LOG.warnf("Claiming due feeds failed, the next turn tries again: %s",
                                failure.getMessage()));
    }

    private void poll(Claimed source) {
        inFlight.incrementAndGet();
        long started = System.nanoTime();
        Uni.createFrom().completionStage(() -> fetcher.fetch(source.url(), source.etag(), source.lastModified()))
                .chain(fetched -> units.inTenant(source.tenantId(), tx -> (fetched.ok()
                        ? listening.storeNew(tx, source.id(), source.communityId(), fetched.entries())
                        : Uni.createFrom().item(0))
                        .call(stored -> sources.recordFetch(tx, source, fetched, stored, nextPollSeconds(source,
                                fetched.ok()), (int) Duration.ofNanos(System.nanoTime() - started).toMillis()))))
                .eventually(inFlight::decrementAndGet)
                .subscribe().with(stored -> {
                }, failure -> LOG.warnf("Polling source %s failed; its lease expires and it is polled again: %s",
                        source.id(), failure.getMessage()));
    }

    private static long nextPollSeconds(Claimed source, boolean ok) {
        long base = ok
                ? source.intervalSeconds()
                : Math.min(MAX_BACKOFF.toSeconds(), (long) source.intervalSeconds() << Math.min(source.failures() + 1, 20));
        double jitter = 0.9 + ThreadLocalRandom.current().nextDouble() * 0.2;
        return Math.max(1, Math.round(base * jitter));
    }
}
