package io.animo.community.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.animo.community.domain.CommunityService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;

/** Communities by global id, for `node(id:)`. */
@Singleton
public class CommunityNodes {

    @Produces
    @Singleton
    NodeLoader communities(CommunityService communities, TenantWork work) {
        return work.nodeLoader(Community.TYPE, (tx, caller, id) -> communities.get(tx, id).map(Community::of),
                Roles.ANY_TENANT_ROLE);
    }
}
