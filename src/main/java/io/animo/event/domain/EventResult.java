package io.animo.event.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** The outcome of a change to an event: the event and, for an answer, the member's RSVP; or why not. */
public record EventResult(Event event, Rsvp rsvp, List<UserError> userErrors) {

    static EventResult ok(Event event, Rsvp rsvp) {
        return new EventResult(event, rsvp, List.of());
    }

    public static EventResult refused(String field, String code, String message) {
        return new EventResult(null, null, List.of(UserError.of(field, code, message)));
    }

    static EventResult refused(UserError error) {
        return new EventResult(null, null, List.of(error));
    }
}
