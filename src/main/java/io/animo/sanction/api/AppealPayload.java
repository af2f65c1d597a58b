package io.animo.sanction.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.sanction.domain.AppealResult;

@Type("AppealPayload")
public record AppealPayload(Appeal appeal, @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static AppealPayload of(AppealResult result, String clientMutationId) {
        return new AppealPayload(Appeal.of(result.appeal()), result.userErrors(), clientMutationId);
    }
}
