package io.animo.event.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.event.domain.Rsvp;
import io.animo.event.domain.RsvpAnswer;
import io.animo.platform.graphql.GlobalId;

@Type("EventRsvp")
@Description("A member's answer to an event.")
public record EventRsvpView(@Id @NonNull String eventId, @Id @NonNull String memberId, @NonNull RsvpAnswer answer,
        @Description("The place in the waitlist (1 is next), while WAITLISTED") Integer waitlistPosition,
        @NonNull Instant respondedAt, Instant checkedInAt) {

    static EventRsvpView of(Rsvp r) {
        return r == null
                ? null
                : new EventRsvpView(GlobalId.encode(EventView.TYPE, r.eventId()), GlobalId.encode("Member", r.memberId()),
                        r.answer(), r.waitlistPosition(), r.respondedAt(), r.checkedInAt());
    }
}
