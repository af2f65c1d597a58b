package io.animo.platform.graphql;

import java.util.UUID;
import java.util.function.BiFunction;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Each feature loads its own node types for {@code node(id:)}, under its own authorization rules: it produces
 * one loader per type (see {@code TenantAccess.nodeLoader}).
 */
public interface NodeLoader {

    String type();

    /** The node, or null when it does not exist for this caller's tenant. */
    Uni<? extends Node> load(SecurityIdentity identity, UUID id);

    static NodeLoader of(String type, BiFunction<SecurityIdentity, UUID, Uni<? extends Node>> load) {
        return new NodeLoader() {

            @Override
            public String type() {
                return type;
            }

            @Override
            public Uni<? extends Node> load(SecurityIdentity identity, UUID id) {
                return load.apply(identity, id);
            }
        };
    }
}
