package io.animo.platform.graphql;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonObject;

import org.jboss.logging.Logger;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLTransportWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.ext.web.RoutingContext;

/**
 * Subscriptions over {@code graphql-transport-ws} on {@code /graphql}, as SmallRye GraphQL serves them (its
 * protocol handler, with Quarkus's authentication in {@code connection_init}), with what a shared service
 * needs besides: a message larger than the limit closes the socket with 1009 (message too big); a
 * subscribe beyond the number one connection may hold gets an {@code error} for that operation
 * ({@code extensions.code TOO_MANY_SUBSCRIPTIONS}) and leaves the others running; and every open socket is
 * known, so shutting down closes them all with 1001 (going away) and clients reconnect elsewhere.
 */
class GraphQLWebSocketHandler extends SmallRyeGraphQLAbstractHandler {

    private static final Logger LOG = Logger.getLogger(GraphQLWebSocketHandler.class);
    static final String PROTOCOL = "graphql-transport-ws";

    private final Optional<String> initPayloadName;
    private final int maxMessageChars;
    private final int maxSubscriptions;
    private final Set<ServerWebSocket> open = ConcurrentHashMap.newKeySet();

    GraphQLWebSocketHandler(CurrentIdentityAssociation identities, CurrentVertxRequest requests,
            Optional<String> initPayloadName, int maxMessageChars, int maxSubscriptions) {
        super(identities, requests, false);
        this.initPayloadName = initPayloadName;
        this.maxMessageChars = maxMessageChars;
        this.maxSubscriptions = maxSubscriptions;
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        if (!ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true) || ctx.request().isEnded()) {
            ctx.next();
            return;
        }
        Map<String, Object> metaData = getMetaData(ctx);
        Runnable upgradeDone = UpgradedRequests.doneHandle(ctx.request());
        ctx.request().toWebSocket(upgraded -> {
            if (upgraded.failed()) {
                LOG.debugf("WebSocket upgrade failed: %s", upgraded.cause().getMessage());
                return;
            }
            ServerWebSocket socket = upgraded.result();
            if (!PROTOCOL.equals(socket.subProtocol())) {
                socket.closeHandler(ignored -> upgradeDone.run());
                socket.close((short) 4406, "Subprotocol not acceptable: use " + PROTOCOL);
                return;
            }
            open.add(socket);
            Limited handler = new Limited(new Session(socket), metaData, ctx, this, initPayloadName);
            socket.closeHandler(ignored -> {
                open.remove(socket);
                upgradeDone.run();
                handler.onClose();
            });
            socket.endHandler(ignored -> handler.onEnd());
            socket.exceptionHandler(handler::onThrowable);
            socket.textMessageHandler(handler::onMessage);
        });
    }

    /** Closes every open subscription socket with 1001: the service is going away, clients reconnect to another replica. */
    void closeAll(String reason) {
        for (ServerWebSocket socket : Set.copyOf(open)) {
            if (!socket.isClosed()) {
                socket.close((short) 1001, reason);
            }
        }
    }

    int openSockets() {
        return open.size();
    }

    private final class Limited extends SmallRyeAuthGraphQLTransportWSSubprotocolHandler {

        private final GraphQLWebSocketSession session;

        Limited(GraphQLWebSocketSession session, Map<String, Object> metaData, RoutingContext ctx,
                SmallRyeGraphQLAbstractHandler parent, Optional<String> initPayloadName) {
            super(session, metaData, ctx, parent, initPayloadName);
            this.session = session;
        }

        @Override
        public void onMessage(String text) {
            if (text.length() > maxMessageChars) {
                session.close((short) 1009, "Message too big: at most " + maxMessageChars + " characters");
                return;
            }
            super.onMessage(text);
        }

        @Override
        protected void onMessage(JsonObject message) {
            if (message != null && "subscribe".equals(message.getString("type", null))
                    && activeOperations.size() >= maxSubscriptions && message.getString("id", null) != null) {
                try {
                    session.sendMessage(tooMany(message.getString("id")));
                } catch (IOException e) {
                    LOG.debugf("Could not refuse a subscription: %s", e.getMessage());
                }
                return;
            }
            super.onMessage(message);
        }

        private String tooMany(String id) {
            return jakarta.json.Json.createObjectBuilder()
                    .add("id", id)
                    .add("type", "error")
                    .add("payload", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                            .add("message", "This connection already holds " + maxSubscriptions
                                    + " operations: complete one, or open another connection.")
                            .add("extensions", jakarta.json.Json.createObjectBuilder().add("code", "TOO_MANY_SUBSCRIPTIONS"))))
                    .build().toString();
        }
    }

    private static final class Session implements GraphQLWebSocketSession {

        private final ServerWebSocket socket;

        Session(ServerWebSocket socket) {
            this.socket = socket;
        }

        @Override
        public void sendMessage(String message) {
            if (!socket.isClosed()) {
                socket.writeTextMessage(message);
            }
        }

        @Override
        public void close(short statusCode, String reason) {
            if (!socket.isClosed()) {
                socket.close(statusCode, reason);
            }
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }

        @Override
        public String toString() {
            return "{peer=" + socket.remoteAddress() + "}";
        }
    }
}
