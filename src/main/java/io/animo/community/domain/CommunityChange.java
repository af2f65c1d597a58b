package io.animo.community.domain;

import java.util.UUID;

/** What happened to a community, with its state right after the change (a detached copy). */
public record CommunityChange(UUID tenantId, CommunityChangeType type, CommunityEntity community) {
}
