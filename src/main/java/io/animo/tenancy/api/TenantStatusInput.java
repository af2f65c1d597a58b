package io.animo.tenancy.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("TenantStatusInput")
public record TenantStatusInput(@Id @NonNull String tenantId, String reason, String clientMutationId) {
}
