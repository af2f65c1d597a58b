package io.animo.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.vertx.core.json.JsonObject;

/** A webhook endpoint on the loopback that accepts every delivery (204) and keeps its JSON body. */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() throws IOException {
        WebhookReceiver receiver = new WebhookReceiver(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        receiver.server.createContext("/hook", exchange -> {
            receiver.received.add(new JsonObject(new String(exchange.getRequestBody().readAllBytes(),
                    StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.server.start();
        return receiver;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** The bodies received so far, in order: {@code {"id", "type", "occurredAt", "data"}}. */
    public List<JsonObject> received() {
        return received;
    }

    /** The bodies of {@code type} whose data's {@code key} is {@code value}, in order. */
    public List<JsonObject> of(String type, String key, String value) {
        return received.stream().filter(body -> type.equals(body.getString("type"))
                && value.equals(body.getJsonObject("data").getString(key))).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
