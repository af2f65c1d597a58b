package io.animo.platform.graphql;

import org.eclipse.microprofile.graphql.NonNull;

public record PageInfo(@NonNull boolean hasNextPage, @NonNull boolean hasPreviousPage, String startCursor,
        String endCursor) {
}
