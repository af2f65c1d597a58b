package io.animo.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/** A real WebSocket client speaking {@code graphql-transport-ws}, the JDK's own. */
public final class GraphQLWebSocket implements WebSocket.Listener, AutoCloseable {

    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile WebSocket socket;
    private volatile int closeCode = -1;

    /** Opens the socket and sends {@code connection_init} with the token (none when null). */
    public static GraphQLWebSocket open(String token) throws Exception {
        GraphQLWebSocket client = new GraphQLWebSocket();
        URI uri = URI.create("ws://localhost:" + RestAssured.port + "/graphql");
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("graphql-transport-ws")
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, client)
                .get(10, TimeUnit.SECONDS);
        JsonObject init = new JsonObject().put("type", "connection_init");
        if (token != null) {
            init.put("payload", new JsonObject().put("Authorization", "Bearer " + token));
        }
        client.send(init);
        return client;
    }

    public JsonObject awaitAck() throws InterruptedException {
        JsonObject ack = next(10);
        if (ack == null || !"connection_ack".equals(ack.getString("type"))) {
            throw new AssertionError("expected connection_ack, got " + ack + " (close code " + closeCode + ")");
        }
        return ack;
    }

    /** Sends any text as one message, as a misbehaving client would. */
    public void sendText(String text) {
        socket.sendText(text, true).join();
    }

    public void subscribe(String id, String query) {
        send(new JsonObject().put("id", id).put("type", "subscribe").put("payload", new JsonObject().put("query", query)));
    }

    public void subscribe(String id, String query, java.util.Map<String, Object> variables) {
        send(new JsonObject().put("id", id).put("type", "subscribe").put("payload", new JsonObject().put("query", query)
                .put("variables", new JsonObject(variables))));
    }

    /** The next message, or null after {@code seconds}. Pings are answered and skipped. */
    public JsonObject next(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            long left = deadline - System.nanoTime();
            JsonObject message = messages.poll(Math.max(0, left), TimeUnit.NANOSECONDS);
            if (message == null || !"ping".equals(message.getString("type"))) {
                return message;
            }
            send(new JsonObject().put("type", "pong"));
        }
    }

    /** The next {@code next} message's data, skipping nothing else; null on timeout. */
    public JsonObject nextData(int seconds) throws InterruptedException {
        JsonObject message = next(seconds);
        if (message == null) {
            return null;
        }
        if (!"next".equals(message.getString("type"))) {
            throw new AssertionError("expected next, got " + message);
        }
        return message.getJsonObject("payload");
    }

    public int closeCode() {
        return closeCode;
    }

    private void send(JsonObject message) {
        socket.sendText(message.encode(), true).join();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(new JsonObject(partial.toString()));
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode = statusCode;
        messages.add(new JsonObject().put("type", "closed").put("code", statusCode).put("reason", reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        messages.add(new JsonObject().put("type", "error").put("reason", String.valueOf(error)));
    }

    @Override
    public void close() {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            socket.abort();
        }
    }
}
