package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;
import io.animo.tenancy.domain.TenantRecord;

@Type("TenantConnection")
public record TenantConnection(@NonNull List<@NonNull TenantEdge> edges, @NonNull PageInfo pageInfo, @NonNull long totalCount) {

    static TenantConnection of(Page<TenantRecord> page) {
        return new TenantConnection(
                page.edges((cursor, t) -> new TenantEdge(cursor, Tenant.of(t))),
                page.pageInfo(), page.totalCount());
    }
}
