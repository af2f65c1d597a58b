package io.animo.webhook.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** An endpoint after a change, with its secret when it was just created (shown once); or why not. */
public record WebhookResult(WebhookEndpoint endpoint, String secret, List<UserError> userErrors) {

    static WebhookResult ok(WebhookEndpoint endpoint, String secret) {
        return new WebhookResult(endpoint, secret, List.of());
    }

    public static WebhookResult refused(String field, String code, String message) {
        return new WebhookResult(null, null, List.of(UserError.of(field, code, message)));
    }
}
