package io.animo.webhook.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.webhook.domain.WebhookResult;

@Type("WebhookEndpointPayload")
public record WebhookEndpointPayload(WebhookEndpointView endpoint,
        @Description("The signing secret, given once, when the endpoint is created") String secret,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static WebhookEndpointPayload of(WebhookResult result, String clientMutationId) {
        return new WebhookEndpointPayload(WebhookEndpointView.of(result.endpoint()), result.secret(),
                result.userErrors(), clientMutationId);
    }
}
