package io.animo.event.domain;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.persistence.Tx;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.webhook.domain.WebhookEventType;
import io.animo.webhook.domain.WebhookOutbox;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;

/**
 * Reminds of events that start soon: when an event is within its {@code remindBeforeMinutes}, the tenant's webhooks
 * hear {@code event.reminder} with who is going (so that a mailer or a push service can tell them). Any replica may
 * find a due event; it is marked reminded and announced in one transaction of its tenant, so the reminder goes out
 * once. A series is reminded of its first occurrence.
 */
@ApplicationScoped
public class EventReminders {

    private static final Logger LOG = Logger.getLogger(EventReminders.class);
    private static final int BATCH = 100;
    private static final int MAX_GOING_LISTED = 1_000;

    private final UnitOfWork units;
    private final EventRepository events;
    private final WebhookOutbox webhooks;
    private final Vertx vertx;
    private final Duration every;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public EventReminders(UnitOfWork units, EventRepository events, WebhookOutbox webhooks, Vertx vertx,
            @ConfigProperty(name = "animo.events.remind-every", defaultValue = "30s") Duration every) {
        this.units = units;
        this.events = events;
        this.webhooks = webhooks;
        this.vertx = vertx;
        this.every = every;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(every.toMillis(), ignored -> runOnce().subscribe().with(sent -> {
        }, failure -> LOG.warnf("Event reminders failed, the next turn tries again: %s", failure.getMessage())));
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    /** One turn, unless one is already running here: how many reminders it sent. */
    public Uni<Integer> runOnce() {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().item(0);
        }
        return units.platform(tx -> events.dueReminders(tx, BATCH))
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(each -> units.inTenant(each.tenantId(),
                                tx -> remind(tx, each.eventId())))
                        .collect().asList().map(sent -> (int) sent.stream().filter(Boolean::booleanValue).count()))
                .eventually(() -> running.set(false));
    }

    /** Marks the event reminded and announces it; false when another replica did it first. */
    private Uni<Boolean> remind(Tx tx, UUID eventId) {
        return events.markReminded(tx, eventId).chain(claimed -> !claimed
                ? Uni.createFrom().item(false)
                : events.find(tx, eventId).chain(event -> events.goingMembers(tx, eventId, MAX_GOING_LISTED)
                        .chain(going -> webhooks.announce(tx, WebhookEventType.EVENT_REMINDER,
                                EventService.webhookData(event).put("going", event.going()).put("goingMemberIds",
                                        new JsonArray(going.stream().map(id -> GlobalId.encode("Member", id))
                                                .toList()))))
                        .replaceWith(true)));
    }
}
