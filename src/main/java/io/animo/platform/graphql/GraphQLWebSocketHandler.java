package io.animo.platform.graphql;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import jakarta.json.JsonObject;

import org.jboss.logging.Logger;

import io.animo.platform.security.KeycloakRealms;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLTransportWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.impl.ContextInternal;
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
    private final SharedSubscriptions shared;

    GraphQLWebSocketHandler(CurrentIdentityAssociation identities, CurrentVertxRequest requests, KeycloakRealms realms,
            Optional<String> initPayloadName, int maxMessageChars, int maxSubscriptions) {
        super(identities, requests, false);
        this.shared = new SharedSubscriptions(realms);
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

    int sharedExecutions() {
        return shared.executions();
    }

    int sharedSubscribers() {
        return shared.subscribers();
    }

    private final class Limited extends SmallRyeAuthGraphQLTransportWSSubprotocolHandler {

        private final GraphQLWebSocketSession session;
        private final RoutingContext ctx;
        private final Executor eventLoop;
        /** The operations of this connection that share an execution with others (see {@link SharedSubscriptions}). */
        private final Map<String, Shared> sharedOperations = new ConcurrentHashMap<>();

        private record Shared(SharedSubscriptions.Key key, SharedSubscriptions.Member member) {
        }

        Limited(GraphQLWebSocketSession session, Map<String, Object> metaData, RoutingContext ctx,
                SmallRyeGraphQLAbstractHandler parent, Optional<String> initPayloadName) {
            super(session, metaData, ctx, parent, initPayloadName);
            this.session = session;
            this.ctx = ctx;
            this.eventLoop = ((ContextInternal) ctx.vertx().getOrCreateContext()).nettyEventLoop();
        }

        @Override
        public void onClose() {
            sharedOperations.values().forEach(operation -> shared.leave(operation.key(), operation.member()));
            sharedOperations.clear();
            super.onClose();
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
            String type = message == null ? null : message.getString("type", null);
            String id = message == null ? null : message.getString("id", null);
            if ("subscribe".equals(type) && id != null) {
                if (activeOperations.size() + sharedOperations.size() >= maxSubscriptions) {
                    send(tooMany(id));
                    return;
                }
                if (subscribeShared(id, message)) {
                    return;
                }
            }
            if ("complete".equals(type) && id != null) {
                Shared operation = sharedOperations.remove(id);
                if (operation != null) {
                    shared.leave(operation.key(), operation.member());
                    return;
                }
            }
            super.onMessage(message);
        }

        /** Joins (or starts) the shared execution of a shareable subscription; false when it is not one. */
        private boolean subscribeShared(String id, JsonObject message) {
            if (!connectionInitialized.get() || !(message.get("payload") instanceof JsonObject payload)) {
                return false; // the usual path refuses it
            }
            SharedSubscriptions.Key key = shared.keyOf(payload, identity());
            if (key == null) {
                return false;
            }
            if (activeOperations.containsKey(id) || sharedOperations.containsKey(id)) {
                session.close((short) 4409, "Subscriber for " + id + " already exists");
                return true;
            }
            SharedSubscriptions.Member member = new SharedSubscriptions.Member(this::send, id,
                    () -> sharedOperations.remove(id), eventLoop);
            sharedOperations.put(id, new Shared(key, member));
            shared.join(key, member, writer -> executionService.executeAsync(payload, getContext(), writer));
            return true;
        }

        private SecurityIdentity identity() {
            return ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        }

        private void send(String text) {
            try {
                session.sendMessage(text);
            } catch (IOException e) {
                LOG.debugf("Could not send on a subscription socket: %s", e.getMessage());
            }
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
