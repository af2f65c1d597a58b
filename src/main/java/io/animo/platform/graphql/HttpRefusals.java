package io.animo.platform.graphql;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * For the plain HTTP routes beside {@code /graphql} (exports): the caller's identity, and refusals answered as the API
 * answers them, a JSON {@code errors} list with {@code extensions.code}, under the matching HTTP status.
 */
public final class HttpRefusals {

    private HttpRefusals() {
    }

    /** The authenticated caller of the request, or null (anonymous or no token). */
    public static SecurityIdentity identity(RoutingContext ctx) {
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        return identity == null || identity.isAnonymous() ? null : identity;
    }

    public static void refuse(RoutingContext ctx, ApiException failure) {
        if (failure instanceof UnauthenticatedException) {
            refuse(ctx, 401, "UNAUTHENTICATED", failure.getMessage());
        } else if (failure instanceof TenantSuspendedException) {
            refuse(ctx, 403, "TENANT_SUSPENDED", failure.getMessage());
        } else if (failure instanceof ForbiddenException) {
            refuse(ctx, 403, "FORBIDDEN", failure.getMessage());
        } else if (failure instanceof NotFoundException) {
            refuse(ctx, 404, "NOT_FOUND", failure.getMessage());
        } else if (failure instanceof BadRequestException) {
            refuse(ctx, 400, "BAD_REQUEST", failure.getMessage());
        } else if (failure instanceof ServiceUnavailableException) {
            refuse(ctx, 503, "UNAVAILABLE", failure.getMessage());
        } else {
            refuse(ctx, 500, "INTERNAL", failure.getMessage());
        }
    }

    public static void refuse(RoutingContext ctx, int status, String code, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                        .put("extensions", new JsonObject().put("code", code)))).encode());
    }
}
