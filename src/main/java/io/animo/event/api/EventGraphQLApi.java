package io.animo.event.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.animo.event.domain.EventRecurrence;
import io.animo.event.domain.EventResult;
import io.animo.event.domain.EventService;
import io.animo.event.domain.NewEvent;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class EventGraphQLApi {

    private static final String[] ORGANISERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};
    private static final String[] STAFF = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};

    private final EventService events;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public EventGraphQLApi(EventService events, TenantWork work, SecurityIdentity identity) {
        this.events = events;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("A community's events that end after `from` (default now), soonest first, at most 100. Whoever"
            + " reads the community.")
    public Uni<@NonNull List<@NonNull EventView>> events(@NonNull @Id String communityId, Instant from,
            @DefaultValue("20") int first) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(communityId, "Community")
                .map(uuid -> events.upcoming(tx, caller, uuid, from, first))
                .orElseGet(() -> Uni.createFrom().item(List.of())))
                .map(found -> found.stream().map(EventView::of).toList());
    }

    @Query
    @Description("An event by id; null when there is none the caller may read.")
    public Uni<EventView> event(@NonNull @Id String id) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(id, EventView.TYPE)
                .map(uuid -> events.get(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().nullItem()))
                .map(EventView::of);
    }

    @Mutation
    @Description("Schedule an event in a community. Audited. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull EventPayload> eventCreate(@NonNull EventCreateInput input) {
        NewEvent event = new NewEvent(input.title(), input.description(), input.format(), input.startsAt(),
                input.endsAt(), input.timeZone(), input.location(), input.joinUrl(), input.capacity(),
                input.recurrence(), input.remindBeforeMinutes());
        return work.as(identity, ORGANISERS).run((tx, caller) -> GlobalId.decode(input.communityId(), "Community")
                .map(uuid -> events.create(tx, caller, uuid, event))
                .orElseGet(() -> Uni.createFrom().item(EventResult.refused("input.communityId", "NOT_FOUND",
                        "No community of this tenant has this id."))))
                .map(result -> EventPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Cancel an event: answers are refused from then on. Audited. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull EventPayload> eventCancel(@NonNull EventCancelInput input) {
        return work.as(identity, ORGANISERS).run((tx, caller) -> decode(input.id())
                .map(uuid -> events.cancel(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> EventPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Answer an event as a member of its community: GOING takes a seat, or the next place of the waitlist"
            + " when it is full; MAYBE or DECLINED gives a seat back to the first of the waitlist.")
    public Uni<@NonNull EventPayload> eventRsvp(@NonNull EventRsvpInput input) {
        return work.asMember(identity).run((tx, caller) -> decode(input.eventId())
                .map(uuid -> events.answer(tx, caller, uuid, input.answer()))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> EventPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Check a member with a seat in at the event. Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull EventPayload> eventCheckIn(@NonNull EventCheckInInput input) {
        UUID member = GlobalId.optional(input.memberId(), "Member");
        return work.as(identity, STAFF).run((tx, caller) -> decode(input.id())
                .map(uuid -> events.checkIn(tx, caller, uuid, member))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> EventPayload.of(result, input.clientMutationId()));
    }

    @Description("The starts of the event's next occurrences from now on (at most 50): one for an event that does not"
            + " repeat and has not started.")
    public List<@NonNull Instant> occurrences(@Source EventView event, @DefaultValue("10") int first) {
        return EventRecurrence.occurrences(event.recurrence(), event.startsAt(), event.timeZone(), Instant.now(), first);
    }

    @Description("The community's messages, active members and joins in the hours (1 to 744, default 24) after the"
            + " event ended: what it did to the community.")
    public Uni<@NonNull EventEngagementView> engagementAfter(@Source EventView event, @DefaultValue("24") int hours) {
        return engagement(event, true, hours);
    }

    @Description("The same figures over the hours before it started, to compare with engagementAfter.")
    public Uni<@NonNull EventEngagementView> engagementBefore(@Source EventView event, @DefaultValue("24") int hours) {
        return engagement(event, false, hours);
    }

    private Uni<EventEngagementView> engagement(EventView view, boolean after, int hours) {
        UUID id = GlobalId.required(view.id(), EventView.TYPE);
        return work.asMember(identity).run((tx, caller) -> events.get(tx, caller, id)
                .chain(event -> events.engagement(tx, event, after, hours))).map(EventEngagementView::of);
    }

    private static java.util.Optional<UUID> decode(String id) {
        return GlobalId.decode(id, EventView.TYPE);
    }

    private static EventResult unknown() {
        return EventResult.refused("input.id", "NOT_FOUND", "No event of this tenant has this id.");
    }
}
