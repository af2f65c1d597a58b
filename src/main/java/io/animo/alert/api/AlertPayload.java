package io.animo.alert.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.alert.domain.AlertResult;
import io.animo.platform.graphql.UserError;

@Type("AlertPayload")
public record AlertPayload(Alert alert, @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static AlertPayload of(AlertResult result, String clientMutationId) {
        return new AlertPayload(Alert.of(result.alert()), result.userErrors(), clientMutationId);
    }
}
