package io.animo.event.api;

import java.util.Date;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.animo.event.domain.Event;
import io.animo.event.domain.EventRecurrence;
import io.animo.event.domain.EventService;
import io.animo.event.domain.EventStatus;
import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundaryInterceptor;
import io.animo.platform.graphql.HttpRefusals;
import io.animo.platform.graphql.NotFoundException;
import io.animo.platform.graphql.UnauthenticatedException;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.runtime.annotations.RegisterResourceBundle;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;

/**
 * {@code GET /exports/events.ics?eventId=…} (one event) or {@code ?communityId=…} (the community's events from 90 days
 * ago on): iCalendar (RFC 5545), written by biweekly, for whoever reads the community, with the same bearer token as
 * the API. Times are in UTC; a cancelled event stays in the calendar with the status CANCELLED, so calendars drop it.
 */
@ApplicationScoped
@RegisterResourceBundle(bundleName = "biweekly/messages") // biweekly's messages, for the native image
public class EventCalendarRoute {

    static final String PATH = "/exports/events.ics";
    private static final String PRODUCT = "-//Animo//Events//EN";

    private final EventService events;
    private final TenantWork work;

    public EventCalendarRoute(EventService events, TenantWork work) {
        this.events = events;
        this.work = work;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.GET, PATH).order(-50).handler(this::calendar);
    }

    private void calendar(RoutingContext ctx) {
        SecurityIdentity identity = HttpRefusals.identity(ctx);
        if (identity == null) {
            HttpRefusals.refuse(ctx, new UnauthenticatedException());
            return;
        }
        String eventId = ctx.queryParams().get("eventId");
        String communityId = ctx.queryParams().get("communityId");
        if ((eventId == null) == (communityId == null)) {
            HttpRefusals.refuse(ctx, new BadRequestException("Give either eventId or communityId."));
            return;
        }
        Uni<List<Event>> found = work.asMember(identity).run((tx, caller) -> eventId != null
                ? GlobalId.decode(eventId, EventView.TYPE).map(id -> events.get(tx, caller, id)
                        .map(event -> event == null ? null : List.of(event)))
                        .orElseGet(() -> Uni.createFrom().nullItem())
                : GlobalId.decode(communityId, "Community").map(id -> events.calendar(tx, caller, id))
                        .orElseGet(() -> Uni.createFrom().nullItem()));
        found.subscribe().with(list -> {
            if (list == null) {
                HttpRefusals.refuse(ctx, new NotFoundException(eventId != null
                        ? "No event of this tenant has this id."
                        : "No community of this tenant has this id."));
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/calendar; charset=utf-8")
                    .putHeader("Content-Disposition", "attachment; filename=\"events.ics\"")
                    .end(Biweekly.write(calendarOf(list)).go());
        }, failure -> HttpRefusals.refuse(ctx, GraphQLBoundaryInterceptor.toApi("calendar", failure)));
    }

    private static ICalendar calendarOf(List<Event> list) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId(PRODUCT);
        for (Event event : list) {
            VEvent entry = new VEvent();
            entry.setUid(GlobalId.encode(EventView.TYPE, event.id()) + "@animo");
            entry.setSummary(event.title());
            if (!event.description().isEmpty()) {
                entry.setDescription(event.description());
            }
            entry.setDateStart(Date.from(event.startsAt()));
            entry.setDateEnd(Date.from(event.endsAt()));
            entry.setCreated(Date.from(event.createdAt()));
            if (event.location() != null) {
                entry.setLocation(event.location());
            }
            if (event.joinUrl() != null) {
                entry.setUrl(event.joinUrl());
            }
            entry.setStatus(event.status() == EventStatus.CANCELLED ? Status.cancelled() : Status.confirmed());
            if (event.recurrence() != null) {
                entry.setRecurrenceRule(EventRecurrence.parse(event.recurrence(), event.startsAt()));
            }
            calendar.addEvent(entry);
        }
        return calendar;
    }
}
