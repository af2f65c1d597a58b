package io.animo.event.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.event.domain.Event;
import io.animo.event.domain.EventFormat;
import io.animo.event.domain.EventStatus;
import io.animo.platform.graphql.GlobalId;

@Type("Event")
@Description("An event of a community: online (joinUrl), in person (location) or hybrid.")
public record EventView(@Id @NonNull String id, @Id @NonNull String communityId, @NonNull String title,
        @NonNull String description, @NonNull EventFormat format, @NonNull Instant startsAt, @NonNull Instant endsAt,
        @NonNull @Description("The IANA time zone the event is announced in") String timeZone, String location,
        String joinUrl, @Description("Seats; null for no limit") Integer capacity, @NonNull EventStatus status,
        @NonNull long going, @NonNull long maybe, @NonNull @Description("Members waiting for a seat") long waitlisted,
        @NonNull long checkedIn,
        @Description("checkedIn / going; null while nobody is going") Double attendanceRate,
        @NonNull Instant createdAt,
        @Description("RFC 5545 RRULE when the event repeats") String recurrence, Integer remindBeforeMinutes) {

    static final String TYPE = "Event";

    static EventView of(Event e) {
        return e == null
                ? null
                : new EventView(GlobalId.encode(TYPE, e.id()), GlobalId.encode("Community", e.communityId()), e.title(),
                        e.description(), e.format(), e.startsAt(), e.endsAt(), e.timeZone(), e.location(), e.joinUrl(),
                        e.capacity(), e.status(), e.going(), e.maybe(), e.waitlisted(), e.checkedIn(),
                        e.going() == 0 ? null : (double) e.checkedIn() / e.going(), e.createdAt(), e.recurrence(),
                        e.remindBeforeMinutes());
    }
}
