package io.animo.sanction.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;
import io.animo.sanction.domain.SanctionView;

@Type("SanctionConnection")
public record SanctionConnection(@NonNull List<@NonNull SanctionEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("SanctionEdge")
    public record SanctionEdge(@NonNull String cursor, @NonNull Sanction node) {
    }

    static SanctionConnection of(Page<SanctionView> page) {
        return new SanctionConnection(page.edges((cursor, v) -> new SanctionEdge(cursor, Sanction.of(v))), page.pageInfo());
    }
}
