package io.animo.event.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.event.domain.RsvpAnswer;

@Input("EventRsvpInput")
public record EventRsvpInput(@Id @NonNull String eventId,
        @NonNull @Description("GOING, MAYBE or DECLINED (GOING on a full event joins its waitlist)") RsvpAnswer answer,
        String clientMutationId) {
}
