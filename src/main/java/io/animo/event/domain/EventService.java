package io.animo.event.domain;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.activity.domain.Activities;
import io.animo.activity.domain.ActivityKind;
import io.animo.audit.domain.AuditLog;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityGate;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.webhook.domain.WebhookEventType;
import io.animo.webhook.domain.WebhookOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;

/**
 * Events of a community: staff schedule and cancel them (audited), members answer, staff check people in. An
 * answer GOING takes a seat while there is one, else the next place of the waitlist; a seat that frees (a GOING
 * member answers MAYBE or DECLINED) goes to the first of the waitlist, in the same transaction. Answers to one
 * event are given one at a time (its row is locked), so this holds under any concurrency.
 */
@ApplicationScoped
public class EventService {

    public static final int MAX_LIST = 100;
    private static final int MAX_CAPACITY = 100_000;
    private static final Duration CALENDAR_PAST = Duration.ofDays(90);

    private final EventRepository events;
    private final CommunityGate gate;
    private final AuditLog audit;
    private final WebhookOutbox webhooks;

    public EventService(EventRepository events, CommunityGate gate, AuditLog audit, WebhookOutbox webhooks) {
        this.events = events;
        this.gate = gate;
        this.audit = audit;
        this.webhooks = webhooks;
    }

    public Uni<EventResult> create(Tx tx, Caller caller, UUID communityId, NewEvent event) {
        EventResult invalid = validate(event);
        if (invalid != null) {
            return Uni.createFrom().item(invalid);
        }
        NewEvent clean = new NewEvent(event.title().strip(), event.description() == null ? "" : event.description().strip(),
                event.format(), event.startsAt(), event.endsAt(), event.timeZone(), blankToNull(event.location()),
                blankToNull(event.joinUrl()), event.capacity(), blankToNull(event.recurrence()),
                event.remindBeforeMinutes());
        return gate.check(tx, caller, communityId, CommunityAction.ADMINISTER, "input.communityId").chain(access -> {
            if (!access.allowed()) {
                return Uni.createFrom().item(EventResult.refused(access.refusal()));
            }
            UUID id = UUID.randomUUID();
            return events.insert(tx, id, communityId, clean)
                    .chain(() -> audit.record(tx, caller, "EVENT_CREATED", "Event", id, clean.title()))
                    .chain(() -> events.find(tx, id))
                    .call(created -> webhooks.announce(tx, WebhookEventType.EVENT_CREATED, webhookData(created)))
                    .map(created -> EventResult.ok(created, null));
        });
    }

    public Uni<EventResult> cancel(Tx tx, Caller caller, UUID eventId) {
        return readable(tx, caller, eventId, CommunityAction.ADMINISTER).chain(found -> {
            if (found.userErrors().size() > 0) {
                return Uni.createFrom().item(found);
            }
            if (found.event().status() == EventStatus.CANCELLED) {
                return Uni.createFrom().item(EventResult.refused("input.id", "ALREADY_CANCELLED",
                        "This event is already cancelled."));
            }
            return events.cancel(tx, eventId)
                    .chain(() -> audit.record(tx, caller, "EVENT_CANCELLED", "Event", eventId, found.event().title()))
                    .chain(() -> events.find(tx, eventId))
                    .call(cancelled -> webhooks.announce(tx, WebhookEventType.EVENT_CANCELLED, webhookData(cancelled)))
                    .map(cancelled -> EventResult.ok(cancelled, null));
        });
    }

    /** The caller's answer: GOING (a seat, or the waitlist when full), MAYBE or DECLINED (a seat it held frees). */
    public Uni<EventResult> answer(Tx tx, Caller caller, UUID eventId, RsvpAnswer answer) {
        if (answer == RsvpAnswer.WAITLISTED) {
            return Uni.createFrom().item(EventResult.refused("input.answer", "INVALID",
                    "Answer GOING: when the event is full you are put on its waitlist."));
        }
        return events.find(tx, eventId).chain(event -> event == null
                ? Uni.createFrom().item(notFound())
                : gate.check(tx, caller, event.communityId(), CommunityAction.PARTICIPATE, "input.eventId")
                        .chain(access -> {
                            if (!access.allowed()) {
                                return Uni.createFrom().item(EventResult.refused(access.refusal()));
                            }
                            if (event.status() == EventStatus.CANCELLED) {
                                return Uni.createFrom().item(EventResult.refused("input.eventId", "EVENT_CANCELLED",
                                        "This event is cancelled."));
                            }
                            if (event.recurrence() == null && !event.endsAt().isAfter(Instant.now())) {
                                return Uni.createFrom().item(EventResult.refused("input.eventId", "EVENT_OVER",
                                        "This event is over."));
                            }
                            UUID member = access.member().id;
                            return events.lock(tx, eventId).chain(() -> events.rsvp(tx, eventId, member))
                                    .chain(before -> answer == RsvpAnswer.GOING
                                            ? go(tx, event, member, before)
                                            : stepBack(tx, eventId, member, before, answer))
                                    .call(rsvp -> Activities.record(tx, event.communityId(), member,
                                            ActivityKind.EVENT_RSVP, Instant.now(), eventId, null))
                                    .chain(rsvp -> events.find(tx, eventId).map(now -> EventResult.ok(now, rsvp)));
                        }));
    }

    private Uni<Rsvp> go(Tx tx, Event event, UUID member, Rsvp before) {
        if (before != null && (before.answer() == RsvpAnswer.GOING || before.answer() == RsvpAnswer.WAITLISTED)) {
            return Uni.createFrom().item(before); // already has a seat, or a place in the line
        }
        return events.going(tx, event.id()).chain(going -> events.answer(tx, event.id(), member,
                event.capacity() == null || going < event.capacity() ? RsvpAnswer.GOING : RsvpAnswer.WAITLISTED));
    }

    private Uni<Rsvp> stepBack(Tx tx, UUID eventId, UUID member, Rsvp before, RsvpAnswer answer) {
        boolean freesASeat = before != null && before.answer() == RsvpAnswer.GOING;
        return events.answer(tx, eventId, member, answer).call(rsvp -> freesASeat
                ? events.promoteFirstWaiting(tx, eventId)
                : Uni.createFrom().voidItem());
    }

    /** Staff mark a member who answered GOING as present. */
    public Uni<EventResult> checkIn(Tx tx, Caller caller, UUID eventId, UUID memberId) {
        return readable(tx, caller, eventId, CommunityAction.MODERATE).chain(found -> {
            if (found.userErrors().size() > 0) {
                return Uni.createFrom().item(found);
            }
            UUID community = found.event().communityId();
            return events.checkIn(tx, eventId, memberId)
                    .call(rsvp -> rsvp == null
                            ? Uni.createFrom().voidItem()
                            : Activities.record(tx, community, memberId, ActivityKind.EVENT_CHECKED_IN, Instant.now(),
                                    eventId, null))
                    .chain(rsvp -> rsvp != null
                            ? Uni.createFrom().item(rsvp)
                            : events.rsvp(tx, eventId, memberId)
                                    .map(known -> known != null && known.checkedInAt() != null ? known : null))
                    .chain(rsvp -> rsvp == null
                            ? Uni.createFrom().item(EventResult.refused("input.memberId", "NOT_GOING",
                                    "This member has no seat at this event."))
                            : events.find(tx, eventId).map(event -> EventResult.ok(event, rsvp)));
        });
    }

    /** An event the caller may read; null when there is none they may read. */
    public Uni<Event> get(Tx tx, Caller caller, UUID eventId) {
        return readable(tx, caller, eventId, CommunityAction.READ).map(EventResult::event);
    }

    public Uni<List<Event>> upcoming(Tx tx, Caller caller, UUID communityId, Instant from, int first) {
        int limit = Math.max(1, Math.min(first, MAX_LIST));
        return gate.check(tx, caller, communityId, CommunityAction.READ, "communityId").chain(access -> access.allowed()
                ? events.upcoming(tx, communityId, from == null ? Instant.now() : from, limit)
                : Uni.createFrom().item(List.<Event>of()));
    }

    /** A community's events for a calendar: from 90 days ago on, at most {@link #MAX_LIST}; null when unreadable. */
    public Uni<List<Event>> calendar(Tx tx, Caller caller, UUID communityId) {
        return gate.check(tx, caller, communityId, CommunityAction.READ, "communityId").chain(access -> access.allowed()
                ? events.upcoming(tx, communityId, Instant.now().minus(CALENDAR_PAST), MAX_LIST)
                : Uni.createFrom().nullItem());
    }

    /**
     * The community's engagement over the {@code hours} after the event ends ({@code after}) or before it starts: what
     * the event did to the community, next to what it was doing.
     */
    public Uni<EventEngagement> engagement(Tx tx, Event event, boolean after, int hours) {
        java.time.Duration span = java.time.Duration.ofHours(Math.max(1, Math.min(hours, 24 * 31)));
        return after
                ? events.engagement(tx, event.communityId(), event.endsAt(), event.endsAt().plus(span))
                : events.engagement(tx, event.communityId(), event.startsAt().minus(span), event.startsAt());
    }

    /** The caller's own answer to an event (null when none). */
    public Uni<Rsvp> mine(Tx tx, Caller caller, Event event) {
        return gate.check(tx, caller, event.communityId(), CommunityAction.READ, "id")
                .chain(access -> access.member() == null
                        ? Uni.createFrom().nullItem()
                        : events.rsvp(tx, event.id(), access.member().id));
    }

    private Uni<EventResult> readable(Tx tx, Caller caller, UUID eventId, CommunityAction action) {
        return events.find(tx, eventId).chain(event -> event == null
                ? Uni.createFrom().item(notFound())
                : gate.check(tx, caller, event.communityId(), action, "input.id").map(access -> access.allowed()
                        ? EventResult.ok(event, null)
                        : "NOT_FOUND".equals(access.refusal().code()) || action == CommunityAction.READ
                                ? notFound()
                                : EventResult.refused(access.refusal())));
    }

    /** What the tenant's webhooks hear of an event: the ids of the API, and its schedule. */
    static JsonObject webhookData(Event event) {
        return new JsonObject().put("eventId", GlobalId.encode("Event", event.id()))
                .put("communityId", GlobalId.encode("Community", event.communityId())).put("title", event.title())
                .put("format", event.format().name()).put("startsAt", event.startsAt().toString())
                .put("endsAt", event.endsAt().toString()).put("timeZone", event.timeZone())
                .put("status", event.status().name());
    }

    private static EventResult notFound() {
        return EventResult.refused("input.id", "NOT_FOUND", "No event of this tenant has this id.");
    }

    private static EventResult validate(NewEvent event) {
        if (event.title() == null || event.title().isBlank() || event.title().length() > 200) {
            return EventResult.refused("input.title", event.title() == null || event.title().isBlank()
                    ? "REQUIRED"
                    : "TOO_LONG", "Give a title of up to 200 characters.");
        }
        if (event.description() != null && event.description().length() > 10_000) {
            return EventResult.refused("input.description", "TOO_LONG", "Describe it in up to 10000 characters.");
        }
        if (!event.endsAt().isAfter(event.startsAt())) {
            return EventResult.refused("input.endsAt", "INVALID", "An event ends after it starts.");
        }
        try {
            ZoneId.of(event.timeZone());
        } catch (DateTimeException e) {
            return EventResult.refused("input.timeZone", "INVALID", "Give an IANA time zone, e.g. Europe/Paris.");
        }
        boolean online = event.format() != EventFormat.IN_PERSON;
        boolean inPerson = event.format() != EventFormat.ONLINE;
        if (online && !isWebAddress(event.joinUrl())) {
            return EventResult.refused("input.joinUrl", "REQUIRED", "An online event needs an https join URL.");
        }
        if (inPerson && (event.location() == null || event.location().isBlank() || event.location().length() > 500)) {
            return EventResult.refused("input.location", "REQUIRED", "An event in person needs a location (up to 500"
                    + " characters).");
        }
        if (event.recurrence() != null && !event.recurrence().isBlank()
                && EventRecurrence.parse(event.recurrence().strip(), event.startsAt()) == null) {
            return EventResult.refused("input.recurrence", "INVALID", "Give an RFC 5545 RRULE, e.g."
                    + " FREQ=WEEKLY;BYDAY=TU;COUNT=6.");
        }
        if (event.remindBeforeMinutes() != null && (event.remindBeforeMinutes() < 5
                || event.remindBeforeMinutes() > 10_080)) {
            return EventResult.refused("input.remindBeforeMinutes", "INVALID", "Remind 5 minutes to 7 days (10080"
                    + " minutes) before.");
        }
        if (event.capacity() != null && (event.capacity() < 1 || event.capacity() > MAX_CAPACITY)) {
            return EventResult.refused("input.capacity", "INVALID", "A capacity is between 1 and " + MAX_CAPACITY
                    + ", or none for no limit.");
        }
        return null;
    }

    private static boolean isWebAddress(String url) {
        if (url == null || url.length() > 2_000) {
            return false;
        }
        try {
            URI uri = URI.create(url.strip());
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
