package io.animo.audit.api;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.audit.domain.AuditLog;
import io.animo.audit.domain.AuditQuery;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class AuditGraphQLApi {

    private final AuditLog audit;
    private final TenantWork work;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public AuditGraphQLApi(AuditLog audit, TenantWork work, SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.audit = audit;
        this.work = work;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("The tenant's append-only audit log, newest first. Role: tenant-admin.")
    public Uni<@NonNull AuditEntryConnection> auditLog(AuditLogFilter filter, Integer first, String after, Integer last,
            String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        UUID target = filter == null || filter.targetId() == null
                ? null
                : GlobalId.decode(filter.targetId()).map(GlobalId::uuid).orElse(GlobalId.NONE);
        AuditQuery query = new AuditQuery(filter == null ? null : filter.action(), target, page);
        return work.as(identity, Roles.TENANT_ADMIN)
                .run((tx, caller) -> audit.page(tx, caller, query))
                .map(AuditEntryConnection::of);
    }
}
