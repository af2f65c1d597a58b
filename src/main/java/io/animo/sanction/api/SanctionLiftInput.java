package io.animo.sanction.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("SanctionLiftInput")
public record SanctionLiftInput(@Id @NonNull String sanctionId, String note, String clientMutationId) {
}
