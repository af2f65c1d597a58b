package io.animo.guideline.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.animo.guideline.domain.GuidelineService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantAccess;

/** Guidelines by global id, for `node(id:)`. */
@Singleton
public class GuidelineNodes {

    @Produces
    @Singleton
    NodeLoader guidelines(GuidelineService guidelines, TenantAccess access) {
        return access.nodeLoader(Guideline.TYPE, (caller, id) -> guidelines.get(caller, id).map(Guideline::of),
                Roles.ANY_TENANT_ROLE);
    }
}
