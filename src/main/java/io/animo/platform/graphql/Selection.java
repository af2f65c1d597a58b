package io.animo.platform.graphql;

import io.smallrye.graphql.api.Context;

import graphql.schema.DataFetchingEnvironment;

/** What the client selected under the field being resolved: work for a field nobody asked for can be skipped. */
public final class Selection {

    private final DataFetchingEnvironment environment;

    private Selection(DataFetchingEnvironment environment) {
        this.environment = environment;
    }

    /** The selection of the field that {@code context} (SmallRye's, injected in the resolver's class) is resolving. */
    public static Selection of(Context context) {
        return new Selection(context.unwrap(DataFetchingEnvironment.class));
    }

    /** Whether {@code field} (a path such as {@code totalCount} or {@code edges/node/name}) is selected. */
    public boolean has(String field) {
        return environment == null || environment.getSelectionSet().contains(field);
    }
}
