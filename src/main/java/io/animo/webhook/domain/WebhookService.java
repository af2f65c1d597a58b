package io.animo.webhook.domain;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.animo.audit.domain.AuditLog;
import io.animo.platform.net.PublicTargets;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.json.JsonObject;

/** A tenant's webhook endpoints: registered (audited) with a secret shown once, listed, deleted, tested. */
@ApplicationScoped
public class WebhookService {

    public static final int MAX_ENDPOINTS = 20;
    public static final int MAX_LOG = 100;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookRepository webhooks;
    private final WebhookOutbox outbox;
    private final AuditLog audit;
    private final Set<String> allowedHosts;

    public WebhookService(WebhookRepository webhooks, WebhookOutbox outbox, AuditLog audit,
            @ConfigProperty(name = "animo.webhooks.allowed-private-hosts") Optional<Set<String>> allowedHosts) {
        this.webhooks = webhooks;
        this.outbox = outbox;
        this.audit = audit;
        this.allowedHosts = allowedHosts.orElse(Set.of());
    }

    /** Why the URL may not receive webhooks (null when it may); resolves its host, off the event loops. */
    public Uni<String> targetProblem(String url) {
        return Uni.createFrom().item(() -> PublicTargets.problem(url, allowedHosts, true))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Registers an endpoint; {@code targetProblem} is what {@link #targetProblem} said of its URL. */
    public Uni<WebhookResult> create(Tx tx, Caller caller, String url, List<String> eventTypes, String targetProblem) {
        if (url == null || url.length() > 2_000) {
            return Uni.createFrom().item(WebhookResult.refused("input.url", "INVALID", "Give a URL of up to 2000"
                    + " characters."));
        }
        if (eventTypes == null || eventTypes.isEmpty() || !WebhookEventType.ALL.containsAll(eventTypes)) {
            return Uni.createFrom().item(WebhookResult.refused("input.eventTypes", "INVALID",
                    "Choose among " + String.join(", ", WebhookEventType.ALL.stream().sorted().toList()) + "."));
        }
        if (targetProblem != null) {
            return Uni.createFrom().item(WebhookResult.refused("input.url", "NOT_ALLOWED", targetProblem));
        }
        return webhooks.endpoints(tx).chain(existing -> existing.size() >= MAX_ENDPOINTS
                ? Uni.createFrom().item(WebhookResult.refused("input.url", "LIMIT_REACHED",
                        "A tenant has at most " + MAX_ENDPOINTS + " endpoints."))
                : register(tx, caller, url.strip(), List.copyOf(Set.copyOf(eventTypes))));
    }

    private Uni<WebhookResult> register(Tx tx, Caller caller, String url, List<String> eventTypes) {
        UUID id = UUID.randomUUID();
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String secret = "whsec_" + HexFormat.of().formatHex(bytes);
        return webhooks.insertEndpoint(tx, id, url, secret, eventTypes.stream().sorted().toList())
                .chain(() -> audit.record(tx, caller, "WEBHOOK_ENDPOINT_CREATED", "WebhookEndpoint", id, url))
                .chain(() -> webhooks.endpoint(tx, id))
                .map(endpoint -> WebhookResult.ok(endpoint, secret));
    }

    public Uni<WebhookResult> delete(Tx tx, Caller caller, UUID id) {
        return webhooks.endpoint(tx, id).chain(endpoint -> endpoint == null
                ? Uni.createFrom().item(notFound())
                : webhooks.deleteEndpoint(tx, id)
                        .chain(() -> audit.record(tx, caller, "WEBHOOK_ENDPOINT_DELETED", "WebhookEndpoint", id,
                                endpoint.url()))
                        .replaceWith(WebhookResult.ok(endpoint, null)));
    }

    /** Sends a {@code webhook.test} announcement to this endpoint only, through the outbox like any other. */
    public Uni<WebhookResult> test(Tx tx, Caller caller, UUID id) {
        return webhooks.endpoint(tx, id).chain(endpoint -> endpoint == null
                ? Uni.createFrom().item(notFound())
                : outbox.announceTo(tx, id, WebhookEventType.TEST, new JsonObject().put("endpointId", id.toString())
                        .put("requestedBy", caller.displayName()))
                        .replaceWith(WebhookResult.ok(endpoint, null)));
    }

    public Uni<List<WebhookEndpoint>> endpoints(Tx tx) {
        return webhooks.endpoints(tx);
    }

    /** The endpoint's last deliveries, newest first; null when there is no such endpoint. */
    public Uni<List<WebhookDelivery>> deliveries(Tx tx, UUID endpointId, int first) {
        return webhooks.endpoint(tx, endpointId).chain(endpoint -> endpoint == null
                ? Uni.createFrom().nullItem()
                : webhooks.deliveries(tx, endpointId, Math.max(1, Math.min(first, MAX_LOG))));
    }

    private static WebhookResult notFound() {
        return WebhookResult.refused("input.id", "NOT_FOUND", "No webhook endpoint of this tenant has this id.");
    }
}
