package io.animo.event.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.event.domain.EventFormat;

@Input("EventCreateInput")
public record EventCreateInput(@Id @NonNull String communityId, @NonNull String title, String description,
        @NonNull EventFormat format, @NonNull Instant startsAt, @NonNull Instant endsAt,
        @NonNull @Description("IANA time zone, e.g. Europe/Paris") String timeZone,
        @Description("Required in person and hybrid") String location,
        @Description("https; required online and hybrid") String joinUrl,
        @Description("1 to 100000 seats; none for no limit") Integer capacity,
        @Description("RFC 5545 RRULE, e.g. FREQ=WEEKLY;BYDAY=TU;COUNT=6: the event repeats from startsAt, in timeZone") String recurrence,
        @Description("5 to 10080: the tenant's webhooks hear event.reminder (with who is going) this long before it"
                + " starts") Integer remindBeforeMinutes,
        String clientMutationId) {
}
