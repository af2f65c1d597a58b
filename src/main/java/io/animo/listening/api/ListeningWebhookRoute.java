package io.animo.listening.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.animo.listening.domain.WebhookPushes;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.HttpRefusals;
import io.animo.platform.net.WebhookSignature;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** {@code POST /listening/webhooks/{sourceId}}: mentions pushed by a WEBHOOK source, signed with its secret; no token. */
@ApplicationScoped
public class ListeningWebhookRoute {

    static final String PREFIX = "/listening/webhooks/";
    private static final Logger LOG = Logger.getLogger(ListeningWebhookRoute.class);
    private static final long MAX_BODY = 1_048_576;

    private final WebhookPushes pushes;

    public ListeningWebhookRoute(WebhookPushes pushes) {
        this.pushes = pushes;
    }

    void install(@Observes Router router) {
        router.route(HttpMethod.POST, PREFIX + ":id").order(-50)
                .handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)).handler(this::receive);
    }

    private void receive(RoutingContext ctx) {
        var id = GlobalId.decode(ctx.pathParam("id"), ListeningSourceView.TYPE);
        if (id.isEmpty()) {
            HttpRefusals.refuse(ctx, 404, "NOT_FOUND", "No active webhook source has this id.");
            return;
        }
        String body = ctx.body().asString();
        pushes.receive(id.get(), ctx.request().getHeader(WebhookSignature.HEADER), body == null ? "" : body)
                .subscribe().with(result -> {
                    if (!result.accepted()) {
                        HttpRefusals.refuse(ctx, result.status(), result.code(), result.message());
                        return;
                    }
                    ctx.response().setStatusCode(202).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                            .end(new JsonObject().put("received", result.received()).put("stored", result.stored())
                                    .encode());
                }, failure -> {
                    LOG.warnf("A push to listening source %s failed: %s", id.get(), failure.getMessage());
                    HttpRefusals.refuse(ctx, 503, "UNAVAILABLE", "Try again in a moment.");
                });
    }
}
