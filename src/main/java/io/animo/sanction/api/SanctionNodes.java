package io.animo.sanction.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.sanction.domain.SanctionService;
import io.animo.tenancy.domain.TenantWork;

/** Sanctions and appeals by global id: staff see any of their tenant, members only their own. */
@Singleton
public class SanctionNodes {

    @Produces
    @Singleton
    NodeLoader sanctions(SanctionService sanctions, TenantWork work) {
        return work.nodeLoader(Sanction.TYPE, (tx, caller, id) -> sanctions.sanctionNode(tx, caller, id).map(Sanction::of),
                Roles.ANY_TENANT_ROLE);
    }

    @Produces
    @Singleton
    NodeLoader appeals(SanctionService sanctions, TenantWork work) {
        return work.nodeLoader(Appeal.TYPE, (tx, caller, id) -> sanctions.appealNode(tx, caller, id).map(Appeal::of),
                Roles.ANY_TENANT_ROLE);
    }
}
