package io.animo.community.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityChangeType;

@Type("CommunityEvent")
public record CommunityEvent(@NonNull CommunityChangeType type, @NonNull Community community) {
}
