package io.animo.sanction.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.sanction.domain.AppealDecision;

@Input("AppealDecideInput")
public record AppealDecideInput(@Id @NonNull String appealId, @NonNull AppealDecision decision, String note,
        String clientMutationId) {
}
