package io.animo.community.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityOrder;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("CommunityConnection")
public record CommunityConnection(@NonNull List<@NonNull CommunityEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull long totalCount) {

    static CommunityConnection of(Page<CommunityEntity> page, CommunityOrder order) {
        List<CommunityEdge> edges = page.edges((cursor, entity) -> new CommunityEdge(cursor, Community.of(entity)));
        return new CommunityConnection(edges, page.pageInfo(), page.totalCount());
    }
}
