package io.animo.platform;

import static io.animo.support.GraphQL.document;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.animo.support.CommunityBuilder;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** One subscription socket cannot take more than its share: message size and number of operations are bounded. */
@QuarkusTest
class WebSocketLimitsTest {

    private static final int MAX_SUBSCRIPTIONS = 50;
    private static final int MAX_MESSAGE_CHARS = 64 * 1024;

    @Test
    void aMessageLargerThanTheLimitClosesTheSocketWith1009() throws Exception {
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "member"))) {
            socket.awaitAck();
            String query = "subscription { communityEvents { type } } #" + "x".repeat(MAX_MESSAGE_CHARS);
            socket.sendText(new JsonObject().put("id", "big").put("type", "subscribe")
                    .put("payload", new JsonObject().put("query", query)).encode());
            JsonObject closed = awaitClose(socket);
            assertEquals(1009, closed.getInteger("code"), "close: " + closed);
        }
    }

    @Test
    void aSubscribeBeyondTheLimitIsRefusedAndTheOthersGoOn() throws Exception {
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "member"))) {
            socket.awaitAck();
            for (int i = 1; i <= MAX_SUBSCRIPTIONS; i++) {
                socket.subscribe(String.valueOf(i), document("communityEvents"));
            }
            socket.subscribe("one-too-many", document("communityEvents"));
            JsonObject refusal = socket.next(10);
            assertNotNull(refusal);
            assertEquals("error", refusal.getString("type"), "got " + refusal);
            assertEquals("one-too-many", refusal.getString("id"));
            assertEquals("TOO_MANY_SUBSCRIPTIONS",
                    refusal.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"));

            Thread.sleep(300);
            CommunityBuilder.aCommunity().in(Tokens.ACME).named("Still heard").create();
            Set<String> heard = new HashSet<>();
            for (JsonObject message = socket.next(10); message != null
                    && heard.size() < MAX_SUBSCRIPTIONS; message = socket.next(5)) {
                if ("next".equals(message.getString("type"))) {
                    heard.add(message.getString("id"));
                }
            }
            assertEquals(MAX_SUBSCRIPTIONS, heard.size(), "every subscription within the limit still hears events");
        }
    }

    private static JsonObject awaitClose(GraphQLWebSocket socket) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            JsonObject message = socket.next(5);
            if (message == null) {
                break;
            }
            if ("closed".equals(message.getString("type"))) {
                return message;
            }
        }
        assertTrue(socket.closeCode() > 0, "the socket was not closed");
        return new JsonObject().put("code", socket.closeCode());
    }
}
