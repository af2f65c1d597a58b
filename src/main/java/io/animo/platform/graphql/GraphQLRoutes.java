package io.animo.platform.graphql;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.animo.platform.security.KeycloakRealms;
import io.animo.platform.security.KeycloakTenantConfigResolver;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves {@code /graphql} in place of SmallRye GraphQL's own routes, with its execution service underneath:
 * {@link GraphQLHttpHandler} for the GraphQL-over-HTTP status codes, {@link GraphQLWebSocketHandler} for the
 * limits of subscription sockets and closing them when the service stops. SmallRye's handlers give neither
 * and offer no extension point for them. {@code /graphql/schema.graphql} serves the SDL of the schema being
 * served ({@link PublishedSchema}). The routes run after Quarkus's authentication and authorization
 * filters (orders -200 and -100), like SmallRye's did, but for {@link GraphQLDoor}, which runs before them.
 */
@ApplicationScoped
public class GraphQLRoutes {

    private static final Logger LOG = Logger.getLogger(GraphQLRoutes.class);
    private static final String PATH = "/graphql";
    private static final String SCHEMA_PATH = "/graphql/schema.graphql";
    private static final int ORDER = -50;
    // before Quarkus's authentication (-200): what can be refused without it is, cheaply
    private static final int DOOR_ORDER = -250;

    private final GraphQLDoor door;
    private final GraphQLHttpHandler http;
    private final GraphQLWebSocketHandler webSocket;
    private final long maxBodyBytes;

    public GraphQLRoutes(CurrentIdentityAssociation identities, CurrentVertxRequest requests, CostBudget budget,
            KeycloakTenantConfigResolver resolver, KeycloakRealms realms, MeterRegistry meters,
            @ConfigProperty(name = "quarkus.smallrye-graphql.authorization-client-init-payload-name") Optional<String> initPayloadName,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody,
            @ConfigProperty(name = "animo.graphql.websocket.max-message-size", defaultValue = "64K") MemorySize maxMessage,
            @ConfigProperty(name = "animo.graphql.websocket.max-subscriptions", defaultValue = "50") int maxSubscriptions) {
        this.http = new GraphQLHttpHandler(identities, requests);
        this.door = new GraphQLDoor(budget, resolver);
        this.webSocket = new GraphQLWebSocketHandler(identities, requests, realms, initPayloadName,
                (int) Math.min(Integer.MAX_VALUE, maxMessage.asLongValue()), maxSubscriptions);
        Gauge.builder("animo.graphql.websocket.sockets", webSocket, GraphQLWebSocketHandler::openSockets)
                .description("Open subscription sockets").register(meters);
        Gauge.builder("animo.graphql.subscriptions.shared.executions", webSocket, GraphQLWebSocketHandler::sharedExecutions)
                .description("Executions shared by identical subscriptions (one per tenant, roles, document and variables)")
                .register(meters);
        Gauge.builder("animo.graphql.subscriptions.shared.subscribers", webSocket, GraphQLWebSocketHandler::sharedSubscribers)
                .description("Subscriptions served by a shared execution").register(meters);
        this.maxBodyBytes = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        int replaced = 0;
        for (Route route : router.getRoutes()) {
            if (PATH.equals(route.getPath()) || (PATH + "/").equals(route.getPath()) || SCHEMA_PATH.equals(route.getPath())) {
                route.disable();
                replaced++;
            }
        }
        LOG.debugf("Replaced %d SmallRye GraphQL routes on %s", replaced, PATH);
        router.route(PATH).order(ORDER).handler(webSocket);
        router.route(HttpMethod.POST, PATH).order(DOOR_ORDER)
                .handler(BodyHandler.create(false).setBodyLimit(maxBodyBytes))
                .handler(door);
        router.route(HttpMethod.POST, PATH).order(ORDER + 1).handler(http);
        router.route(HttpMethod.GET, SCHEMA_PATH).order(ORDER).handler(ctx -> {
            String sdl = PublishedSchema.sdl();
            ctx.response().setStatusCode(sdl == null ? 503 : 200)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end(sdl == null ? "The schema is not built yet." : sdl);
        });
        router.route(PATH).order(ORDER + 2).handler(ctx -> ctx.response()
                .setStatusCode(ctx.request().method() == HttpMethod.OPTIONS ? 204 : 405)
                .putHeader(HttpHeaders.ALLOW, "POST, OPTIONS").end());
    }

    /** The service is about to stop (before the HTTP server closes): sockets close with 1001 so clients reconnect. */
    void goingAway(@Observes ShutdownDelayInitiatedEvent event) {
        LOG.infof("Closing %d subscription sockets: the service is shutting down", webSocket.openSockets());
        webSocket.closeAll("The service is shutting down: reconnect");
    }
}
