package io.animo.community;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.document;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.AnotherReplica;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class CommunityEventsSubscriptionTest {

    @Test
    void subscriberReceivesCreatedAndUpdatedEventsOfItsTenant() throws Exception {
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "member"))) {
            socket.awaitAck();
            socket.subscribe("1", document("communityEvents"));
            Thread.sleep(300); // the subscription is registered asynchronously

            Map<String, Object> created = aCommunity().in(Tokens.ACME).named("Live one").create();
            JsonObject first = awaitEventFor(socket, created.get("id"));
            assertEquals("CREATED", first.getString("type"));
            assertEquals("Live one", first.getJsonObject("community").getString("name"));

            run(Tokens.of(Tokens.ACME, "manager"), "communityUpdate",
                    vars("input", Map.of("id", created.get("id"), "version", 0, "name", "Live two")));
            JsonObject second = awaitEventFor(socket, created.get("id"));
            assertEquals("UPDATED", second.getString("type"));
            assertEquals("Live two", second.getJsonObject("community").getString("name"));
            assertEquals(1, second.getJsonObject("community").getInteger("version"));
        }
    }

    @Test
    void otherTenantSubscriberNeverReceivesTheEvents() throws Exception {
        try (GraphQLWebSocket globex = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "admin"))) {
            globex.awaitAck();
            globex.subscribe("1", document("communityEvents"));
            Thread.sleep(300);

            aCommunity().in(Tokens.ACME).named("Acme only").create();
            Map<String, Object> own = aCommunity().in(Tokens.GLOBEX).named("Globex own").create();
            // acme's change committed first: had it leaked, it would be the first event here
            JsonObject first = globex.nextData(10);
            assertNotNull(first, "globex received nothing");
            assertEquals(own.get("id"), idOf(first));
            assertNull(globex.nextData(1), "no further event expected");
        }
    }

    @Test
    void changeCommittedByAnotherReplicaReachesSubscribers() throws Exception {
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "analyst"))) {
            socket.awaitAck();
            socket.subscribe("1", document("communityEvents"));
            Thread.sleep(300);

            // another replica is another process on the same database: it writes and notifies in one transaction
            UUID id = AnotherReplica.createCommunity(Tokens.ACME, "Written elsewhere");
            JsonObject event = awaitEventFor(socket, io.animo.platform.graphql.GlobalId.encode("Community", id));
            assertEquals("CREATED", event.getString("type"));
            assertEquals("Written elsewhere", event.getJsonObject("community").getString("name"));
        }
    }

    @Test
    void subscriptionNeedsAValidToken() throws Exception {
        try (GraphQLWebSocket forged = GraphQLWebSocket.open("not.a.token")) {
            JsonObject answer = forged.next(10);
            assertNotNull(answer);
            assertEquals("closed", answer.getString("type"));
            assertEquals(4403, answer.getInteger("code"));
        }
        try (GraphQLWebSocket anonymous = GraphQLWebSocket.open(null)) {
            anonymous.awaitAck();
            anonymous.subscribe("1", document("communityEvents"));
            JsonObject answer = anonymous.next(10);
            assertNotNull(answer);
            assertEquals("error", answer.getString("type"), answer.encode());
            assertEquals("UNAUTHENTICATED",
                    answer.getJsonArray("payload").getJsonObject(0).getJsonObject("extensions").getString("code"));
        }
    }

    private static JsonObject awaitEventFor(GraphQLWebSocket socket, Object communityId) throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            JsonObject payload = socket.nextData(10);
            assertNotNull(payload, "no event arrived");
            if (communityId.equals(idOf(payload))) {
                return payload.getJsonObject("data").getJsonObject("communityEvents");
            }
        }
        throw new AssertionError("no event for " + communityId);
    }

    private static String idOf(JsonObject payload) {
        return payload.getJsonObject("data").getJsonObject("communityEvents").getJsonObject("community").getString("id");
    }
}
