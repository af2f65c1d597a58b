package io.animo.community.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.platform.persistence.Notify;
import io.animo.platform.persistence.PgNotifications;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;

/**
 * Community changes travel through PostgreSQL: {@code pg_notify} inside the writing transaction is
 * delivered only on commit, to every replica's LISTEN connection, so subscribers anywhere see a
 * change exactly when it is durable. The payload carries the new state; field limits keep it well
 * under NOTIFY's 8000 bytes, and an oversized description is left out rather than failing the write.
 * Each replica parses a notification once and shares the result with all its subscribers.
 */
@ApplicationScoped
public class CommunityEvents {

    static final String CHANNEL = "animo_community";
    private static final int MAX_PAYLOAD_BYTES = 7_500;
    private static final Logger LOG = Logger.getLogger(CommunityEvents.class);

    private final PgNotifications notifications;
    private final BroadcastProcessor<CommunityChange> changes = BroadcastProcessor.create();
    private boolean listening;

    public CommunityEvents(PgNotifications notifications) {
        this.notifications = notifications;
    }

    /** Queues the event in the current transaction. */
    Uni<Void> publish(Tx tx, CommunityChangeType type, CommunityEntity community) {
        JsonObject json = toJson(type, community);
        String payload = json.encode();
        if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD_BYTES) {
            payload = json.put("description", (String) null).encode();
        }
        return Notify.inTransaction(tx, CHANNEL, payload);
    }

    /** Every committed community change of every tenant; callers filter by their tenant. */
    public synchronized Multi<CommunityChange> stream() {
        if (!listening) {
            listening = true;
            notifications.listen(CHANNEL).subscribe().with(this::dispatch);
        }
        return changes;
    }

    /** Each time this replica may have missed community changes (its LISTEN connection was lost for a while). */
    public Multi<String> gaps() {
        return notifications.gapsOf(CHANNEL);
    }

    private void dispatch(String payload) {
        CommunityChange change;
        try {
            change = fromJson(new JsonObject(payload));
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring a malformed community event: %s", e.getMessage());
            return;
        }
        changes.onNext(change);
    }

    /** The NOTIFY payload of a change; any replica (or tool) that writes a community publishes exactly this. */
    public static JsonObject toJson(CommunityChangeType type, CommunityEntity c) {
        return new JsonObject()
                .put("type", type.name())
                .put("tenantId", c.tenantId.toString())
                .put("id", c.id.toString())
                .put("slug", c.slug)
                .put("name", c.name)
                .put("description", c.description)
                .put("visibility", c.visibility.name())
                .put("status", c.status.name())
                .put("createdBySubject", c.createdBySubject)
                .put("createdByName", c.createdByName)
                .put("createdAt", c.createdAt.toString())
                .put("updatedAt", c.updatedAt.toString())
                .put("archivedAt", c.archivedAt == null ? null : c.archivedAt.toString())
                .put("version", c.version)
                .put("slowModeSeconds", c.slowModeSeconds)
                .put("preModeration", c.preModeration)
                .put("readOnly", c.readOnly);
    }

    static CommunityChange fromJson(JsonObject json) {
        CommunityEntity c = new CommunityEntity();
        c.tenantId = UUID.fromString(json.getString("tenantId"));
        c.id = UUID.fromString(json.getString("id"));
        c.slug = json.getString("slug");
        c.name = json.getString("name");
        c.description = json.getString("description");
        c.visibility = CommunityVisibility.valueOf(json.getString("visibility"));
        c.status = CommunityStatus.valueOf(json.getString("status"));
        c.createdBySubject = json.getString("createdBySubject");
        c.createdByName = json.getString("createdByName");
        c.createdAt = Instant.parse(json.getString("createdAt"));
        c.updatedAt = Instant.parse(json.getString("updatedAt"));
        String archivedAt = json.getString("archivedAt");
        c.archivedAt = archivedAt == null ? null : Instant.parse(archivedAt);
        c.version = json.getLong("version");
        c.slowModeSeconds = json.getInteger("slowModeSeconds", 0);
        c.preModeration = json.getBoolean("preModeration", false);
        c.readOnly = json.getBoolean("readOnly", false);
        return new CommunityChange(c.tenantId, CommunityChangeType.valueOf(json.getString("type")), c);
    }
}
