package io.animo.audit.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.audit.domain.AuditEntryEntity;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("AuditEntryConnection")
public record AuditEntryConnection(@NonNull List<@NonNull AuditEntryEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull long totalCount) {

    static AuditEntryConnection of(Page<AuditEntryEntity> page) {
        return new AuditEntryConnection(
                page.edges((cursor, e) -> new AuditEntryEdge(cursor, AuditEntry.of(e))), page.pageInfo(),
                page.totalCount());
    }
}
