package io.animo.platform.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A token of a real tenant whose keys this replica has not fetched yet, while Keycloak is away: the
 * request is answered 503 with {@code Retry-After} and a GraphQL error {@code UNAVAILABLE}, not 401 (the
 * token may well be valid, and a 401 tells clients to log their user out).
 */
@ApplicationScoped
public class IdentityProviderOutage {

    static final String RETRY_AFTER_SECONDS = "5";
    static final String BODY = "{\"errors\":[{\"message\":\"The identity provider is unavailable: retry shortly.\","
            + "\"extensions\":{\"code\":\"UNAVAILABLE\"}}]}";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    private void answer(RoutingContext ctx) {
        if (!causedByOutage(ctx.failure()) || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        ctx.response().setStatusCode(503)
                .putHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(BODY);
    }

    static boolean causedByOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IdentityProviderUnavailableException) {
                return true;
            }
        }
        return false;
    }
}
