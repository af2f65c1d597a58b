package io.animo.community.domain;

import io.animo.platform.graphql.PageRequest;

/** What {@code communities(...)} asks for, already validated. */
public record CommunityQuery(CommunityStatus status, String search, CommunityOrder order, PageRequest page) {
}
