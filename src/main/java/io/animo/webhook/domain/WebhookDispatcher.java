package io.animo.webhook.domain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.animo.platform.net.PublicTargets;
import io.animo.platform.net.WebhookSignature;
import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.animo.platform.persistence.UnitOfWork;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sends the outbox's deliveries, on whichever replica gets there first. A turn claims the due head of each endpoint's
 * line (the oldest PENDING delivery, so that an endpoint hears of things in order) by pushing its next attempt a
 * lease ahead, and commits; then it POSTs them, signed, with a timeout and no redirects, to targets that are still
 * public; then records each outcome: DELIVERED on 2xx, else another attempt after an exponential backoff, FAILED after
 * the last. A replica that dies mid-send leaves the lease to expire: the delivery is sent again (at least once; the
 * body's {@code id} lets receivers drop duplicates).
 */
@ApplicationScoped
public class WebhookDispatcher {

    private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 50;
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ERROR = 500;

    private final UnitOfWork units;
    private final Vertx vertx;
    private final Duration every;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private final int maxAttempts;
    private final Set<String> allowedHosts;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT).build();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    private record Due(UUID tenantId, UUID id, String eventType, String payload, int attempts, String url,
            String secret) {
    }

    private record Outcome(Due delivery, Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    public WebhookDispatcher(UnitOfWork units, Vertx vertx,
            @ConfigProperty(name = "animo.webhooks.dispatch-every", defaultValue = "1s") Duration every,
            @ConfigProperty(name = "animo.webhooks.first-retry", defaultValue = "10s") Duration firstRetry,
            @ConfigProperty(name = "animo.webhooks.max-retry", defaultValue = "1h") Duration maxRetry,
            @ConfigProperty(name = "animo.webhooks.max-attempts", defaultValue = "15") int maxAttempts,
            @ConfigProperty(name = "animo.webhooks.allowed-private-hosts") Optional<Set<String>> allowedHosts) {
        this.units = units;
        this.vertx = vertx;
        this.every = every;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
        this.maxAttempts = maxAttempts;
        this.allowedHosts = allowedHosts.orElse(Set.of());
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(every.toMillis(), ignored -> runOnce().subscribe().with(sent -> {
        }, failure -> LOG.warnf("Sending webhooks failed, the next turn tries again: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One turn, unless one is already running here: how many deliveries it attempted. */
    public Uni<Integer> runOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return units.platform(this::claim)
                .chain(claimed -> claimed.isEmpty()
                        ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(claimed).onItem().transformToUniAndMerge(this::send).collect()
                                .asList().chain(outcomes -> units.platform(tx -> record(tx, outcomes)))
                                .replaceWith(claimed.size()))
                .eventually(() -> running.set(false));
    }

    private Uni<List<Due>> claim(Tx tx) {
        return tx.sql().query("select set_config('animo.delivering', 'on', true)").execute()
                .chain(() -> tx.sql().preparedQuery("with heads as ("
                        + " select distinct on (tenant_id, endpoint_id) tenant_id, id, next_attempt_at from webhook_delivery"
                        + " where status = 'PENDING' order by tenant_id, endpoint_id, seq)"
                        + " select d.tenant_id, d.id, d.event_type, d.payload, d.attempts, e.url, e.secret"
                        + " from heads h join webhook_delivery d on d.tenant_id = h.tenant_id and d.id = h.id"
                        + " join webhook_endpoint e on e.tenant_id = d.tenant_id and e.id = d.endpoint_id"
                        + " where h.next_attempt_at <= now() order by d.seq limit $1 for update of d skip locked")
                        .execute(Tuple.of(BATCH)))
                .chain(rows -> {
                    List<Due> due = Rows.all(rows, WebhookDispatcher::due);
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(due);
                    }
                    return tx.sql()
                            .preparedQuery("update webhook_delivery set next_attempt_at = now() + make_interval(secs => $1)"
                                    + " where id = any($2)")
                            .execute(Tuple.of((double) LEASE.toSeconds(),
                                    due.stream().map(Due::id).toArray(UUID[]::new)))
                            .replaceWith(due);
                });
    }

    private Uni<Outcome> send(Due delivery) {
        return Uni.createFrom().item(() -> PublicTargets.problem(delivery.url(), allowedHosts, true))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(problem -> {
                    if (problem != null) {
                        return Uni.createFrom().item(new Outcome(delivery, null, problem));
                    }
                    long now = System.currentTimeMillis() / 1000;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url())).timeout(TIMEOUT)
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "Animo-Webhooks/1")
                            .header("Animo-Event", delivery.eventType())
                            .header("Animo-Delivery", delivery.id().toString())
                            .header(WebhookSignature.HEADER, WebhookSignature.header(delivery.secret(), now,
                                    delivery.payload()))
                            .POST(HttpRequest.BodyPublishers.ofString(delivery.payload())).build();
                    return Uni.createFrom().completionStage(() -> http.sendAsync(request,
                            HttpResponse.BodyHandlers.discarding()))
                            .map(response -> new Outcome(delivery, response.statusCode(),
                                    response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode()))
                            .onFailure().recoverWithItem(failure -> new Outcome(delivery, null,
                                    String.valueOf(failure.getMessage() == null
                                            ? failure.getClass().getSimpleName()
                                            : failure.getMessage())));
                });
    }

    private Uni<Void> record(Tx tx, List<Outcome> outcomes) {
        Uni<Void> recorded = tx.sql().query("select set_config('animo.delivering', 'on', true)").execute()
                .replaceWithVoid();
        for (Outcome outcome : outcomes) {
            Due d = outcome.delivery();
            int attempts = d.attempts() + 1;
            String error = outcome.error() == null
                    ? null
                    : outcome.error().substring(0, Math.min(MAX_ERROR, outcome.error().length()));
            recorded = recorded.chain(() -> tx.sql().preparedQuery(outcome.delivered()
                    ? "update webhook_delivery set status = 'DELIVERED', attempts = $2, last_status = $3,"
                            + " last_error = null, delivered_at = now() where tenant_id = $4 and id = $1"
                    : "update webhook_delivery set status = case when $2::integer >= $6::integer then 'FAILED' else 'PENDING' end,"
                            + " attempts = $2, last_status = $3, last_error = $4,"
                            + " next_attempt_at = now() + make_interval(secs => $7) where tenant_id = $5 and id = $1")
                    .execute(outcome.delivered()
                            ? Tuple.of(d.id(), attempts, outcome.status(), d.tenantId())
                            : Tuple.from(java.util.Arrays.asList(d.id(), attempts, outcome.status(), error,
                                    d.tenantId(), maxAttempts, backoff(attempts).toMillis() / 1000.0)))
                    .replaceWithVoid());
        }
        return recorded;
    }

    /** 1×, 2×, 4×… the first retry, at most the longest. */
    private Duration backoff(int attempts) {
        long factor = 1L << Math.min(20, attempts - 1);
        Duration wait = firstRetry.multipliedBy(factor);
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }

    private static Due due(Row row) {
        return new Due(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3), row.getInteger(4),
                row.getString(5), row.getString(6));
    }
}
