package io.animo.moderation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.moderation.domain.ModerationItemEntity;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("ModerationItemConnection")
public record ModerationItemConnection(@NonNull List<@NonNull ModerationItemEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("ModerationItemEdge")
    public record ModerationItemEdge(@NonNull String cursor, @NonNull ModerationItem node) {
    }

    static ModerationItemConnection of(Page<ModerationItemEntity> page) {
        return new ModerationItemConnection(
                page.edges((cursor, item) -> new ModerationItemEdge(cursor, ModerationItem.of(item, null))), page.pageInfo());
    }
}
