package io.animo.alert.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AlertRespondInput")
@Description("The crisis modes to apply to the alert's community; those left out stay as they are.")
public record AlertRespondInput(@Id @NonNull String id,
        @Description("Seconds a member waits between two messages, 0 (off) to 86400") Integer slowModeSeconds,
        @Description("Hold every new message for a moderator") Boolean preModeration,
        @Description("Nobody but staff posts") Boolean readOnly, String clientMutationId) {
}
