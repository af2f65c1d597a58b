package io.animo.event.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.event.domain.EventEngagement;

@Type("EventEngagement")
@Description("What the event's community did over [from, to).")
public record EventEngagementView(@NonNull Instant from, @NonNull Instant to, @NonNull long messages,
        @NonNull @Description("Members who did something themselves") long activeMembers, @NonNull long joins) {

    static EventEngagementView of(EventEngagement e) {
        return new EventEngagementView(e.from(), e.to(), e.messages(), e.activeMembers(), e.joins());
    }
}
