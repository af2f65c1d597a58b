package io.animo.listening.domain;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.listening.domain.ListeningRepository.WebhookSource;
import io.animo.platform.net.WebhookSignature;
import io.animo.platform.persistence.UnitOfWork;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Mentions pushed to a WEBHOOK source: {@code {"mentions": [{"id", "body", "title"?, "url"?, "author"?,
 * "publishedAt"?}]}} (at most {@value #MAX_MENTIONS}), signed like Animo's own webhooks ({@code Animo-Signature:
 * t=…,v1=HMAC-SHA256(secret, "t.body")}) with the secret the source got when added. A timestamp more than
 * {@value #TOLERANCE_SECONDS} s away is refused, and so is a signature already accepted (a replay). A push is
 * stored whole or not at all; mentions it repeats (same id) are stored once.
 */
@ApplicationScoped
public class WebhookPushes {

    static final int MAX_MENTIONS = 100;
    static final int TOLERANCE_SECONDS = 300;

    private final UnitOfWork units;
    private final ListeningRepository sources;
    private final ListeningService listening;
    private final WebhookSources known;

    public WebhookPushes(UnitOfWork units, ListeningRepository sources, ListeningService listening,
            WebhookSources known) {
        this.units = units;
        this.sources = sources;
        this.listening = listening;
        this.known = known;
    }

    public Uni<PushResult> receive(UUID sourceId, String signature, String body) {
        long started = System.nanoTime();
        return known.find(sourceId).chain(source -> {
            if (source == null) {
                return Uni.createFrom().item(PushResult.refused(404, "NOT_FOUND", "No active webhook source has this id."));
            }
            if (!WebhookSignature.verifies(signature, source.secret(), body, Instant.now().getEpochSecond(),
                    TOLERANCE_SECONDS)) {
                return Uni.createFrom().item(PushResult.refused(401, "BAD_SIGNATURE", "Sign the body: "
                        + WebhookSignature.HEADER + ": t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">, within "
                        + TOLERANCE_SECONDS + " s of now."));
            }
            List<Entry> entries;
            try {
                entries = entries(body);
            } catch (IllegalArgumentException e) {
                return Uni.createFrom().item(PushResult.refused(400, "BAD_REQUEST", e.getMessage()));
            }
            return store(source, signature, entries, started);
        });
    }

    private Uni<PushResult> store(WebhookSource source, String signature, List<Entry> entries, long started) {
        return units.inTenant(source.tenantId(), tx -> sources.firstReceipt(tx, source.id(),
                signature.strip(), TOLERANCE_SECONDS).chain(
                        first -> !first
                                ? Uni.createFrom().item(PushResult.refused(409, "REPLAYED", "This signed request was"
                                        + " received already."))
                                : listening.storeNew(tx, source.id(), source.communityId(), entries)
                                        .call(stored -> sources.log(tx, source.id(), "RECEIVED", null, stored, null,
                                                (int) ((System.nanoTime() - started) / 1_000_000)))
                                        .map(stored -> new PushResult(entries.size(), stored, 202, null, null))));
    }

    static List<Entry> entries(String body) {
        JsonObject push;
        try {
            push = new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            throw new IllegalArgumentException("The body is not a JSON object.");
        }
        Object raw = push.getValue("mentions");
        if (!(raw instanceof JsonArray mentions) || mentions.isEmpty() || mentions.size() > MAX_MENTIONS) {
            throw new IllegalArgumentException("Send {\"mentions\": [...]} with 1 to " + MAX_MENTIONS + " mentions.");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (int i = 0; i < mentions.size(); i++) {
            if (!(mentions.getValue(i) instanceof JsonObject mention)) {
                throw new IllegalArgumentException("mentions[" + i + "] is not an object.");
            }
            String id = text(mention, "id", i, 500, true);
            String text = FeedEntries.text(text(mention, "body", i, FeedEntries.MAX_BODY, true));
            Instant published = null;
            String at = text(mention, "publishedAt", i, 100, false);
            if (at != null) {
                try {
                    published = Instant.parse(at);
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("mentions[" + i + "].publishedAt is not an ISO-8601 instant.");
                }
            }
            entries.putIfAbsent(id, new Entry(id, text(mention, "title", i, 500, false),
                    text(mention, "url", i, 2_000, false), text(mention, "author", i, 500, false), text, published));
        }
        return new ArrayList<>(entries.values());
    }

    private static String text(JsonObject mention, String field, int index, int max, boolean required) {
        Object value = mention.getValue(field);
        if (value == null && !required) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank() || text.length() > max) {
            throw new IllegalArgumentException("mentions[" + index + "]." + field + " is " + (required ? "required" : "")
                    + " text of 1 to " + max + " characters.");
        }
        return text.strip();
    }
}
