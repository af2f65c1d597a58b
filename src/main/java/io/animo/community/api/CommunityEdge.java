package io.animo.community.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("CommunityEdge")
public record CommunityEdge(@NonNull String cursor, @NonNull Community node) {
}
