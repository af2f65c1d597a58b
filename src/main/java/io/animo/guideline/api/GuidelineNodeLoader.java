package io.animo.guideline.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.guideline.domain.GuidelineService;
import io.animo.platform.graphql.NodeLoader;
import io.animo.tenancy.domain.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class GuidelineNodeLoader implements NodeLoader {

    private final GuidelineService guidelines;
    private final TenantAccess access;

    public GuidelineNodeLoader(GuidelineService guidelines, TenantAccess access) {
        this.guidelines = guidelines;
        this.access = access;
    }

    @Override
    public String type() {
        return Guideline.TYPE;
    }

    @Override
    public Uni<Guideline> load(SecurityIdentity identity, UUID id) {
        return access.requireMember(identity).chain(caller -> guidelines.get(caller, id)).map(Guideline::of);
    }
}
