package io.animo.member.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.member.domain.MembershipView;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("MembershipConnection")
public record MembershipConnection(@NonNull List<@NonNull MembershipEdge> edges, @NonNull PageInfo pageInfo,
        @NonNull long totalCount) {

    static MembershipConnection of(Page<MembershipView> page) {
        return new MembershipConnection(page.edges((cursor, v) -> new MembershipEdge(cursor, Membership.of(v))),
                page.pageInfo(), page.totalCount());
    }
}
