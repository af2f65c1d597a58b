package io.animo.alert.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.alert.domain.AlertEntity;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("AlertConnection")
public record AlertConnection(@NonNull List<@NonNull AlertEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("AlertEdge")
    public record AlertEdge(@NonNull String cursor, @NonNull Alert node) {
    }

    static AlertConnection of(Page<AlertEntity> page) {
        return new AlertConnection(page.edges((cursor, a) -> new AlertEdge(cursor, Alert.of(a))), page.pageInfo());
    }
}
