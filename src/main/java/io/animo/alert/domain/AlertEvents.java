package io.animo.alert.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.animo.platform.persistence.PgNotifications;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Alerts raised and updated travel like community changes: {@code pg_notify} in the writing transaction, delivered on
 * commit to every replica, which parses each once and shares it with its subscribers. The payload is the alert itself
 * (a few hundred bytes: names are cut to 200 characters).
 */
@ApplicationScoped
public class AlertEvents {

    static final String CHANNEL = "animo_alerts";
    private static final int MAX_NAME = 200;
    private static final Logger LOG = Logger.getLogger(AlertEvents.class);

    /** A committed alert event of some tenant. */
    public record Event(AlertChange change, AlertEntity alert) {
    }

    private final PgNotifications notifications;
    private final BroadcastProcessor<Event> events = BroadcastProcessor.create();
    private boolean listening;

    public AlertEvents(PgNotifications notifications) {
        this.notifications = notifications;
    }

    Uni<Void> publish(Tx tx, AlertChange change, AlertEntity alert) {
        return tx.sql().preparedQuery("select pg_notify($1, $2)")
                .execute(Tuple.of(CHANNEL, toJson(change, alert).encode())).replaceWithVoid();
    }

    /** Every committed alert event of every tenant; callers filter by their tenant. */
    public synchronized Multi<Event> stream() {
        if (!listening) {
            listening = true;
            notifications.listen(CHANNEL).subscribe().with(this::dispatch);
        }
        return events;
    }

    /** Each time this replica may have missed alert events (its LISTEN connection was lost for a while). */
    public Multi<String> gaps() {
        return notifications.gapsOf(CHANNEL);
    }

    private void dispatch(String payload) {
        try {
            events.onNext(fromJson(new JsonObject(payload)));
        } catch (RuntimeException e) {
            LOG.warnf("Ignoring a malformed alert event: %s", e.getMessage());
        }
    }

    static JsonObject toJson(AlertChange change, AlertEntity a) {
        return new JsonObject()
                .put("change", change.name())
                .put("tenantId", a.tenantId.toString())
                .put("id", a.id.toString())
                .put("communityId", a.communityId.toString())
                .put("kind", a.kind.name())
                .put("status", a.status.name())
                .put("minute", a.minute.toString())
                .put("observed", a.observed)
                .put("baseline", a.baseline)
                .put("deviation", a.deviation)
                .put("openedAt", a.openedAt.toString())
                .put("acknowledgedAt", text(a.acknowledgedAt))
                .put("acknowledgedByName", cut(a.acknowledgedByName))
                .put("resolvedAt", text(a.resolvedAt))
                .put("resolvedByName", cut(a.resolvedByName))
                .put("responseSlowModeSeconds", a.responseSlowModeSeconds)
                .put("responsePreModeration", a.responsePreModeration)
                .put("responseReadOnly", a.responseReadOnly)
                .put("respondedAt", text(a.respondedAt))
                .put("respondedByName", cut(a.respondedByName))
                .put("responseUndoneAt", text(a.responseUndoneAt))
                .put("updatedAt", a.updatedAt.toString())
                .put("version", a.version);
    }

    static Event fromJson(JsonObject json) {
        AlertEntity a = new AlertEntity();
        a.tenantId = UUID.fromString(json.getString("tenantId"));
        a.id = UUID.fromString(json.getString("id"));
        a.communityId = UUID.fromString(json.getString("communityId"));
        a.kind = AlertKind.valueOf(json.getString("kind"));
        a.status = AlertStatus.valueOf(json.getString("status"));
        a.minute = Instant.parse(json.getString("minute"));
        a.observed = json.getDouble("observed");
        a.baseline = json.getDouble("baseline");
        a.deviation = json.getDouble("deviation");
        a.openedAt = Instant.parse(json.getString("openedAt"));
        a.acknowledgedAt = instant(json.getString("acknowledgedAt"));
        a.acknowledgedByName = json.getString("acknowledgedByName");
        a.resolvedAt = instant(json.getString("resolvedAt"));
        a.resolvedByName = json.getString("resolvedByName");
        a.responseSlowModeSeconds = json.getInteger("responseSlowModeSeconds");
        a.responsePreModeration = json.getBoolean("responsePreModeration");
        a.responseReadOnly = json.getBoolean("responseReadOnly");
        a.respondedAt = instant(json.getString("respondedAt"));
        a.respondedByName = json.getString("respondedByName");
        a.responseUndoneAt = instant(json.getString("responseUndoneAt"));
        a.updatedAt = Instant.parse(json.getString("updatedAt"));
        a.version = json.getLong("version");
        return new Event(AlertChange.valueOf(json.getString("change")), a);
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static String cut(String name) {
        return name == null || name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
    }
}
