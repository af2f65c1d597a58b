package io.animo.member.domain;

import io.animo.platform.graphql.PageRequest;

public record MembershipQuery(CommunityRole role, MemberStatus status, PageRequest page) {
}
