package io.animo.alert.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.alert.domain.AlertService;
import io.animo.platform.graphql.UserError;

@Type("AlertSettingsPayload")
public record AlertSettingsPayload(AlertSettings settings, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static AlertSettingsPayload of(AlertService.SettingsResult result, String clientMutationId) {
        return new AlertSettingsPayload(AlertSettings.of(result.settings()), result.userErrors(), clientMutationId);
    }
}
