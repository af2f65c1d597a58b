package io.animo.platform.graphql;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Interface;
import org.eclipse.microprofile.graphql.NonNull;

/** Relay {@code Node}: every object with a global id can be fetched again with {@code node(id:)}. */
@Interface
public interface Node {

    // a getter, not a record-style accessor: SmallRye maps only getters of interfaces to fields
    @Id
    @NonNull
    String getId();
}
