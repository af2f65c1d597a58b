package io.animo.community.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("CommunityModesSetInput")
@Description("Crisis modes; fields left out stay as they are.")
public record CommunityModesSetInput(@Id @NonNull String id,
        @Description("Minimum seconds between two messages of one member, 0 to 86400 (0 is off)") Integer slowModeSeconds,
        @Description("Hold every new post for a moderator") Boolean preModeration,
        @Description("Nobody posts") Boolean readOnly,
        String clientMutationId) {
}
