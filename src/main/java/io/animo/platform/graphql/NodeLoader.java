package io.animo.platform.graphql;

import java.util.UUID;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Each feature loads its own node types for {@code node(id:)}, under its own authorization rules. */
public interface NodeLoader {

    String type();

    /** The node, or null when it does not exist for this caller's tenant. */
    Uni<? extends Node> load(SecurityIdentity identity, UUID id);
}
