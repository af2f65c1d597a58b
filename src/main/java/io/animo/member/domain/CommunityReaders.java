package io.animo.member.domain;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.community.domain.CommunityRepository;
import io.animo.community.domain.CommunityVisibility;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.smallrye.mutiny.Uni;

/** Who reads a community's content: anyone of the tenant when it is public; its members and the staff when private. */
@ApplicationScoped
public class CommunityReaders {

    private final CommunityRepository communities;
    private final MembershipRepository memberships;

    public CommunityReaders(CommunityRepository communities, MembershipRepository memberships) {
        this.communities = communities;
        this.memberships = memberships;
    }

    /** Inside the caller's unit of work; {@code memberId} is the caller's member id, null if they have none. */
    public Uni<Boolean> mayRead(Caller caller, UUID communityId, UUID memberId) {
        if (caller.hasAnyRole(Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR)) {
            return Uni.createFrom().item(true);
        }
        return communities.findInTenant(caller.tenantId(), communityId).chain(community -> {
            if (community == null || community.visibility != CommunityVisibility.PRIVATE) {
                return Uni.createFrom().item(community != null);
            }
            return memberId == null
                    ? Uni.createFrom().item(false)
                    : memberships.find(caller.tenantId(), communityId, memberId).map(membership -> membership != null);
        });
    }
}
