package io.animo.platform.graphql;

import java.util.Optional;

import io.animo.platform.security.KeycloakTenantConfigResolver;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /graphql} before authentication: what can be refused without verifying a signature, parsing a
 * document or opening a request context is refused here, so refusing costs little more than reading the request.
 * <ul>
 * <li>A bearer token that names no realm this service serves (not a JWT, another issuer, a made-up realm) gets
 * HTTP 401, as authentication would answer it.
 * <li>The very request that the cost budget refused moments ago for the very same token gets the same
 * {@code RATE_LIMITED} answer (429, {@code Retry-After}) until it could fit ({@link CostBudget#standingRefusal}).
 * </ul>
 * Everything else goes on to authentication and {@link GraphQLHttpHandler}.
 */
class GraphQLDoor implements Handler<RoutingContext> {

    private final CostBudget budget;
    private final KeycloakTenantConfigResolver resolver;

    GraphQLDoor(CostBudget budget, KeycloakTenantConfigResolver resolver) {
        this.budget = budget;
        this.resolver = resolver;
    }

    @Override
    public void handle(RoutingContext ctx) {
        int requestKey = ctx.body().available() ? ctx.body().asString().hashCode() : 0;
        ctx.put(CostBudget.REQUEST_KEY, requestKey);
        Optional<String> token = KeycloakTenantConfigResolver.bearerToken(ctx);
        if (token.isEmpty()) {
            ctx.next();
            return;
        }
        Optional<CostBudget.Charge> refused = budget.standingRefusal(token.get(), requestKey);
        String mediaType = GraphQLHttpHandler.responseMediaType(ctx.parsedHeaders().accept());
        if (refused.isPresent() && mediaType != null) {
            refuse(ctx, mediaType, refused.get());
            return;
        }
        resolver.serves(ctx, token.get()).subscribe().with(served -> {
            if (served) {
                ctx.next();
            } else {
                ctx.response().setStatusCode(401).putHeader("WWW-Authenticate", "Bearer").end();
            }
        }, ctx::fail);
    }

    /** The answer the budget gave this request last time, with the buckets as they are now. */
    private static void refuse(RoutingContext ctx, String mediaType, CostBudget.Charge refusal) {
        JsonObject body = new JsonObject()
                .put("errors", new JsonArray().add(new JsonObject()
                        .put("message", refusal.refusalMessage())
                        .put("extensions", new JsonObject().put("code", "RATE_LIMITED")
                                .put("retryAfterSeconds", refusal.retryAfterSeconds()))))
                .put("extensions", new JsonObject().put("cost", new JsonObject()
                        .put("requested", refusal.requested()).put("remaining", refusal.remaining())
                        .put("resetAt", refusal.resetAt().toString())));
        ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        GraphQLHttpHandler.end(ctx, 429, mediaType, body.encode());
    }
}
