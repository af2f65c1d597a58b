package io.animo.member.domain;

import io.animo.community.domain.CommunityEntity;

/** A membership with the member and community it links, for the API. */
public record MembershipView(MembershipEntity membership, MemberEntity member, CommunityEntity community) {
}
