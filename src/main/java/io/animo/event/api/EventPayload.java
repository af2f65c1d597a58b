package io.animo.event.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.event.domain.EventResult;
import io.animo.platform.graphql.UserError;

@Type("EventPayload")
public record EventPayload(EventView event, EventRsvpView rsvp, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static EventPayload of(EventResult result, String clientMutationId) {
        return new EventPayload(EventView.of(result.event()), EventRsvpView.of(result.rsvp()), result.userErrors(),
                clientMutationId);
    }
}
