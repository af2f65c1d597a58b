package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("TenantEdge")
public record TenantEdge(@NonNull String cursor, @NonNull Tenant node) {
}
