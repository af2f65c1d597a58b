package io.animo.content.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.ThreadEntity;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("ThreadConnection")
public record ThreadConnection(@NonNull List<@NonNull ThreadEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("ThreadEdge")
    public record ThreadEdge(@NonNull String cursor, @NonNull Thread node) {
    }

    static ThreadConnection of(Page<ThreadEntity> page) {
        return new ThreadConnection(page.edges((cursor, t) -> new ThreadEdge(cursor, Thread.of(t))), page.pageInfo());
    }
}
