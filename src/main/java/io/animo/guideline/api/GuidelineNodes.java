package io.animo.guideline.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.animo.guideline.domain.GuidelineService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;

/** Guidelines by global id, for `node(id:)`. */
@Singleton
public class GuidelineNodes {

    @Produces
    @Singleton
    NodeLoader guidelines(GuidelineService guidelines, TenantWork work) {
        return work.nodeLoader(Guideline.TYPE, (tx, caller, id) -> guidelines.get(tx, caller, id).map(Guideline::of),
                Roles.ANY_TENANT_ROLE);
    }
}
