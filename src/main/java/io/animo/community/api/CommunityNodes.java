package io.animo.community.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.animo.community.domain.CommunityService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantAccess;

/** Communities by global id, for `node(id:)`. */
@Singleton
public class CommunityNodes {

    @Produces
    @Singleton
    NodeLoader communities(CommunityService communities, TenantAccess access) {
        return access.nodeLoader(Community.TYPE, (caller, id) -> communities.get(caller, id).map(Community::of),
                Roles.ANY_TENANT_ROLE);
    }
}
