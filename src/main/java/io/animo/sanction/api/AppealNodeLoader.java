package io.animo.sanction.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.NodeLoader;
import io.animo.sanction.domain.SanctionService;
import io.animo.tenancy.domain.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Staff load any appeal of their tenant; a member only their own. */
@ApplicationScoped
public class AppealNodeLoader implements NodeLoader {

    private final SanctionService sanctions;
    private final TenantAccess access;

    public AppealNodeLoader(SanctionService sanctions, TenantAccess access) {
        this.sanctions = sanctions;
        this.access = access;
    }

    @Override
    public String type() {
        return Appeal.TYPE;
    }

    @Override
    public Uni<Appeal> load(SecurityIdentity identity, UUID id) {
        return access.requireMember(identity).chain(caller -> sanctions.appealNode(caller, id)).map(Appeal::of);
    }
}
