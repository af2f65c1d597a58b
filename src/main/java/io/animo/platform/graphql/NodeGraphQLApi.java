package io.animo.platform.graphql;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class NodeGraphQLApi {

    private final Map<String, NodeLoader> loaders;
    private final SecurityIdentity identity;

    public NodeGraphQLApi(Instance<NodeLoader> loaders, SecurityIdentity identity) {
        this.loaders = loaders.stream().collect(Collectors.toMap(NodeLoader::type, Function.identity()));
        this.identity = identity;
    }

    @Query
    @Description("Any object by its global id; null when it does not exist or is not yours to see.")
    public Uni<Node> node(@NonNull @Id String id) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().failure(new UnauthenticatedException());
        }
        return GlobalId.decode(id)
                .filter(global -> loaders.containsKey(global.type()))
                .map(global -> loaders.get(global.type()).load(identity, global.uuid()).map(node -> (Node) node))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }
}
