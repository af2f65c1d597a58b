package io.animo.metrics;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.animo.metrics.domain.LiveEngagement;
import io.animo.platform.graphql.GlobalId;
import io.animo.support.AnotherReplica;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Live engagement over graphql-transport-ws: multiplexed, tenant-isolated, across replicas, resumable. */
@QuarkusTest
class EngagementSubscriptionTest {

    @Inject
    LiveEngagement live;

    @Inject
    MeterRegistry meters;

    private static String subscription(String communityId, String resumeToken) {
        String args = (communityId == null ? "" : "communityId: \"" + communityId + "\", ")
                + "metrics: [MESSAGES, JOINS], windowMinutes: 60"
                + (resumeToken == null ? "" : ", resumeToken: \"" + resumeToken + "\"");
        return "subscription { engagementUpdated(" + args + ") { communityId windowMinutes at activeMembers"
                + " values { metric value } sentiment { positive neutral negative } resumeToken } }";
    }

    @Test
    void subscribersOfAScopeShareOneSnapshotPerTickAndSeeEveryPost() throws Exception {
        Scene scene = scene(Tokens.GLOBEX);
        List<String> readers = List.of("analyst", "moderator", "admin");
        List<GraphQLWebSocket> sockets = new java.util.ArrayList<>();
        try {
            for (String reader : readers) {
                GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, reader));
                socket.awaitAck();
                socket.subscribe("live", subscription(scene.community, null));
                sockets.add(socket);
            }
            long messagesBefore = -1;
            for (GraphQLWebSocket socket : sockets) {
                JsonObject first = update(socket.nextData(10));
                assertNotNull(first, "no first snapshot");
                messagesBefore = value(first, "MESSAGES");
                assertEquals(2, first.getJsonArray("values").size(), "only the metrics asked for");
            }
            assertEquals(1, messagesBefore, "the thread's opening message");
            long computedBefore = live.computed();

            run(Tokens.of(Tokens.GLOBEX, "member"), "messagePost", vars("input", Map.of("threadId", scene.thread,
                    "body", "What a great community"))).body("data.messagePost.userErrors", empty());
            for (GraphQLWebSocket socket : sockets) {
                JsonObject moved = awaitValue(socket, "MESSAGES", 2);
                assertEquals(1, moved.getJsonObject("sentiment").getInteger("positive"));
                assertEquals(scene.community, moved.getString("communityId"));
            }
            assertEquals(1, live.computed() - computedBefore, "one computation for the three subscribers");
        } finally {
            sockets.forEach(GraphQLWebSocket::close);
        }
    }

    @Test
    void identicalSubscriptionsOfATenantShareOneExecutionThatOutlivesItsFirstSubscriber() throws Exception {
        Scene scene = scene(Tokens.ACME);
        String document = subscription(scene.community, null);
        double executionsBefore = gauge("animo.graphql.subscriptions.shared.executions");
        GraphQLWebSocket first = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "analyst"));
        try (GraphQLWebSocket second = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "analyst"));
                GraphQLWebSocket otherTenant = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "analyst"))) {
            first.awaitAck();
            second.awaitAck();
            otherTenant.awaitAck();
            first.subscribe("a", document);
            assertEquals(1, value(update(first.nextData(10)), "MESSAGES"));
            second.subscribe("b", document);
            second.subscribe("c", document);
            JsonObject joined = update(second.nextData(10));
            assertEquals(1, value(joined, "MESSAGES"), "a newcomer gets the last snapshot at once");
            assertNotNull(update(second.nextData(10)));
            assertEquals(executionsBefore + 1, gauge("animo.graphql.subscriptions.shared.executions"),
                    "three identical subscriptions, one execution");
            // the same document in another tenant is another execution, and finds no such community there
            otherTenant.subscribe("x", document);
            JsonObject refused = otherTenant.next(10);
            assertTrue(refused.encode().contains("NOT_FOUND") && !refused.encode().contains("\"values\""),
                    refused.encode());

            first.close(); // the subscriber that started the execution leaves
            second.sendText("{\"id\":\"c\",\"type\":\"complete\"}");
            run(Tokens.of(Tokens.ACME, "member"), "messagePost", vars("input", Map.of("threadId", scene.thread,
                    "body", "Still counted for the others"))).body("data.messagePost.userErrors", empty());
            JsonObject moved = second.next(10);
            assertNotNull(moved, "the shared execution goes on without its first subscriber");
            assertEquals("b", moved.getString("id"), "only the operation still running hears of it: " + moved);
            assertEquals(2, value(update(moved.getJsonObject("payload")), "MESSAGES"));
            assertNull(moved.getJsonObject("payload").getValue("extensions"),
                    "no other subscriber's cost budget in shared events");
            assertNull(second.next(3), "nothing for the completed operation");
        } finally {
            first.close();
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (gauge("animo.graphql.subscriptions.shared.executions") > executionsBefore
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(executionsBefore, gauge("animo.graphql.subscriptions.shared.executions"),
                "the execution ends with its last subscriber");
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    @Test
    void aWriteOnAnotherReplicaMovesTheFiguresHere() throws Exception {
        Scene scene = scene(Tokens.ACME);
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "analyst"))) {
            socket.awaitAck();
            socket.subscribe("live", subscription(scene.community, null));
            assertEquals(1, value(update(socket.nextData(10)), "MESSAGES"));
            AnotherReplica.recordActivity(Tokens.ACME, GlobalId.decode(scene.community, "Community").orElseThrow(),
                    UUID.fromString(scene.memberUuid), "MESSAGE_POSTED");
            awaitValue(socket, "MESSAGES", 2);
        }
    }

    @Test
    void anotherTenantNeitherSubscribesToACommunityNorHearsOfIt() throws Exception {
        Scene acme = scene(Tokens.ACME);
        try (GraphQLWebSocket globex = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "analyst"))) {
            globex.awaitAck();
            globex.subscribe("theirs", subscription(acme.community, null));
            JsonObject refused = globex.next(10);
            assertNotNull(refused);
            assertTrue(refused.encode().contains("NOT_FOUND"), refused.encode());
            assertTrue(!refused.encode().contains("\"values\""), "no figures of another tenant: " + refused.encode());
            JsonObject ended = globex.next(5);
            assertEquals("complete", ended == null ? null : ended.getString("type"), "the refused subscription ends");

            globex.subscribe("mine", subscription(null, null));
            assertNotNull(update(globex.nextData(10)), "the tenant's own first snapshot");
            run(Tokens.of(Tokens.ACME, "member"), "messagePost", vars("input", Map.of("threadId", acme.thread,
                    "body", "Only acme sees this"))).body("data.messagePost.userErrors", empty());
            assertNull(globex.nextData(4), "acme's post moved nothing of globex's");
        }
    }

    @Test
    void aClientComingBackWithItsTokenGetsWhatItMissedAndNothingElse() throws Exception {
        Scene scene = scene(Tokens.GLOBEX);
        String token;
        try (GraphQLWebSocket first = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "analyst"))) {
            first.awaitAck();
            first.subscribe("live", subscription(scene.community, null));
            token = update(first.nextData(10)).getString("resumeToken");
        }
        try (GraphQLWebSocket again = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "analyst"))) {
            again.awaitAck();
            again.subscribe("live", subscription(scene.community, token));
            assertNull(again.nextData(3), "nothing changed since the token: nothing is sent");
        }
        run(Tokens.of(Tokens.GLOBEX, "member"), "messagePost", vars("input", Map.of("threadId", scene.thread,
                "body", "Posted while the client was away"))).body("data.messagePost.userErrors", empty());
        Thread.sleep(2_500); // counted, and the snapshot of the scope moved on, while nobody listened
        try (GraphQLWebSocket back = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "analyst"))) {
            back.awaitAck();
            back.subscribe("live", subscription(scene.community, token));
            assertEquals(2, value(awaitValue(back, "MESSAGES", 2), "MESSAGES"), "what it missed, at once");
        }
    }

    @Test
    void membersAndStrangersCannotSubscribe() throws Exception {
        try (GraphQLWebSocket member = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "member"))) {
            member.awaitAck();
            member.subscribe("live", subscription(null, null));
            JsonObject refused = member.next(10);
            assertNotNull(refused);
            assertTrue(refused.encode().contains("FORBIDDEN"), refused.encode());
        }
    }

    /** A fresh community with a thread opened by the tenant's member (one message so far). */
    private record Scene(String community, String thread, String memberUuid) {
    }

    private static Scene scene(String realm) {
        String community = aCommunity().in(realm).named("Live " + UUID.randomUUID()).create().get("id").toString();
        String member = Tokens.of(realm, "member");
        String memberId = run(member, "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty())
                .extract().path("data.communityJoin.membership.member.id");
        String thread = run(member, "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Live", "body", "Opening words"))).extract().path("data.threadCreate.thread.id");
        awaitCounted(realm, community);
        return new Scene(community, thread, GlobalId.decode(memberId, "Member").orElseThrow().toString());
    }

    /** Snapshots are computed as soon as a scope is watched: wait until the scene's join and message are counted. */
    private static void awaitCounted(String realm, String community) {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            List<Integer> messages = run(Tokens.of(realm, "analyst"), "engagement", vars("communityId", community,
                    "from", java.time.Instant.now().minusSeconds(3600).toString(),
                    "to", java.time.Instant.now().plusSeconds(60).toString(), "granularity", "DAY"))
                    .extract().path("data.engagement.points.messages");
            if (messages != null && messages.stream().mapToInt(Integer::intValue).sum() == 1) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new AssertionError("the scene's message was not counted within 15 s");
    }

    private static JsonObject update(JsonObject payload) {
        return payload == null ? null : payload.getJsonObject("data").getJsonObject("engagementUpdated");
    }

    private static long value(JsonObject update, String metric) {
        JsonArray values = update.getJsonArray("values");
        for (int i = 0; i < values.size(); i++) {
            if (metric.equals(values.getJsonObject(i).getString("metric"))) {
                return values.getJsonObject(i).getLong("value");
            }
        }
        throw new AssertionError("no " + metric + " in " + update);
    }

    private static JsonObject awaitValue(GraphQLWebSocket socket, String metric, long expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject update = update(socket.nextData(15));
            if (update != null && value(update, metric) >= expected) {
                return update;
            }
        }
        throw new AssertionError(metric + " never reached " + expected);
    }
}
