package io.animo.community.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.community.domain.CommunityEntity;
import io.animo.community.domain.CommunityOrder;
import io.animo.community.domain.CommunityRepository;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("CommunityConnection")
public record CommunityConnection(@NonNull List<@NonNull CommunityEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull long totalCount) {

    static CommunityConnection of(Page<CommunityEntity> page, CommunityOrder order) {
        List<CommunityEdge> edges = page.map(
                entity -> new CommunityEdge(CommunityRepository.cursorOf(entity, order).encode(), Community.of(entity)));
        return new CommunityConnection(edges, page.pageInfo(), page.totalCount());
    }
}
