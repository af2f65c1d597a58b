package io.animo.community.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

import io.animo.community.domain.CommunityStatus;

@Input("CommunityFilter")
public record CommunityFilter(CommunityStatus status,
        @Description("Case-insensitive text found in the name, slug or description") String search) {
}
