package io.animo.community.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.community.domain.CommunityService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.tenancy.domain.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CommunityNodeLoader implements NodeLoader {

    private final CommunityService communities;
    private final TenantAccess access;

    public CommunityNodeLoader(CommunityService communities, TenantAccess access) {
        this.communities = communities;
        this.access = access;
    }

    @Override
    public String type() {
        return Community.TYPE;
    }

    @Override
    public Uni<Community> load(SecurityIdentity identity, UUID id) {
        return access.requireMember(identity).chain(caller -> communities.get(caller, id)).map(Community::of);
    }
}
