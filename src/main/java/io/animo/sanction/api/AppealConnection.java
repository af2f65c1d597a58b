package io.animo.sanction.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;
import io.animo.sanction.domain.AppealEntity;

@Type("AppealConnection")
public record AppealConnection(@NonNull List<@NonNull AppealEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("AppealEdge")
    public record AppealEdge(@NonNull String cursor, @NonNull Appeal node) {
    }

    static AppealConnection of(Page<AppealEntity> page) {
        return new AppealConnection(page.edges((cursor, a) -> new AppealEdge(cursor, Appeal.of(a))),
                page.pageInfo());
    }
}
