package io.animo.member.domain;

import io.animo.community.domain.CommunityEntity;

/**
 * What the community gate decides on, read together: the community (null when there is none the caller can
 * see), the person's member profile and their membership there (each null when they have none). Not a
 * decision: {@link CommunityGate#decide} makes one.
 */
public record CommunityPresence(CommunityEntity community, MemberEntity member, MembershipEntity membership) {
}
