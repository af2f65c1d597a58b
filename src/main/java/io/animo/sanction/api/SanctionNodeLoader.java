package io.animo.sanction.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.NodeLoader;
import io.animo.sanction.domain.SanctionService;
import io.animo.tenancy.domain.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Staff load any sanction of their tenant; a member only their own. */
@ApplicationScoped
public class SanctionNodeLoader implements NodeLoader {

    private final SanctionService sanctions;
    private final TenantAccess access;

    public SanctionNodeLoader(SanctionService sanctions, TenantAccess access) {
        this.sanctions = sanctions;
        this.access = access;
    }

    @Override
    public String type() {
        return Sanction.TYPE;
    }

    @Override
    public Uni<Sanction> load(SecurityIdentity identity, UUID id) {
        return access.requireMember(identity).chain(caller -> sanctions.sanctionNode(caller, id)).map(Sanction::of);
    }
}
