package io.animo.platform;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.document;
import static io.animo.support.GraphQL.raw;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.DatabaseServer;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.KeycloakServer;
import io.animo.support.TestTenants;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** The real parts fail and come back; Animo says so clearly meanwhile and recovers by itself. */
@QuarkusTest
class FaultsTest {

    private static final String LIST = "{ communities(first: 1) { totalCount } }";

    @Test
    void postgresRestartedWhileRequestsAndSubscriptionsRun() throws Exception {
        String member = Tokens.of(Tokens.ACME, "member");
        String manager = Tokens.of(Tokens.ACME, "manager");
        String acknowledged = aCommunity().in(Tokens.ACME).named("Acknowledged before the outage").createId();
        try (GraphQLWebSocket subscriber = GraphQLWebSocket.open(member)) {
            subscriber.awaitAck();
            subscriber.subscribe("live", document("communityEvents"));
            Thread.sleep(300);

            DatabaseServer.stop();
            try {
                for (String query : new String[]{LIST, "mutation { communityCreate(input: {name: \"During\", slug: \"during-"
                        + UUID.randomUUID().toString().substring(0, 8) + "\", visibility: PUBLIC}) { community { id } } }"}) {
                    long started = System.nanoTime();
                    raw(manager, query, Map.of()).then().statusCode(200)
                            .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    assertTrue(millis < 8_000, "an answer during the outage took " + millis + " ms");
                }
            } finally {
                DatabaseServer.start();
            }

            // the pool comes back by itself
            awaitServed(member);
            run(member, "community", vars("id", acknowledged)).body("data.community.id", equalTo(acknowledged));
            // and readiness says so: it follows the pool that serves requests
            given().baseUri(OperationsTest.management()).when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));

            // the subscriber is told that it may have missed changes: it reloads and subscribes again
            JsonObject told = awaitErrorCode(subscriber, "EVENTS_MISSED");
            assertNotNull(told, "the subscriber was not told about the gap");
        }
        // and the LISTEN connection is back: a new subscription hears new changes
        try (GraphQLWebSocket again = GraphQLWebSocket.open(member)) {
            again.awaitAck();
            again.subscribe("live", document("communityEvents"));
            Thread.sleep(300);
            String created = aCommunity().in(Tokens.ACME).named("After the outage").createId();
            JsonObject event = again.nextData(15);
            assertNotNull(event, "no event after the outage");
            assertEquals(created, event.getJsonObject("data").getJsonObject("communityEvents").getJsonObject("community")
                    .getString("id"));
        }
    }

    @Test
    void keycloakStoppedTokensAlreadyIssuedKeepWorkingAndWhatNeedsItSaysUnavailable() {
        String member = Tokens.of(Tokens.ACME, "member");
        String operator = Tokens.operator();
        // both realms' keys are known to the service before Keycloak goes away
        raw(member, LIST, Map.of()).then().body("errors", nullValue());
        run(operator, "tenants", vars("first", 1)).body("errors", nullValue());
        // a real tenant whose realm this service has not yet been asked about
        // a realm of its own: its keys are fetched at its first request (an organization's realm is known already)
        String newcomer = TestTenants.provisionRealm("kc").adminToken();

        KeycloakServer.stop();
        try {
            raw(member, LIST, Map.of()).then().statusCode(200).body("errors", nullValue());
            // its keys cannot be fetched now: 503 and UNAVAILABLE, not 401 (the token may be valid)
            raw(newcomer, LIST, Map.of()).then().statusCode(503).header("Retry-After", notNullValue())
                    .body("errors[0].extensions.code", equalTo("UNAVAILABLE"));
            Map<String, Object> input = new HashMap<>();
            input.put("realm", "k" + UUID.randomUUID().toString().substring(0, 8));
            input.put("name", "While Keycloak is down");
            input.put("adminEmail", "admin@example.com");
            input.put("adminFirstName", "First");
            input.put("adminLastName", "Admin");
            long started = System.nanoTime();
            run(operator, "tenantProvision", vars("input", input))
                    .body("errors[0].extensions.code", equalTo("UNAVAILABLE"))
                    .body("errors[0].message", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Exception")));
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 15_000, "provisioning while Keycloak is down took " + millis + " ms");
        } finally {
            KeycloakServer.start();
        }
        raw(Tokens.fetch(Tokens.ACME, "member", Tokens.PASSWORD), LIST, Map.of()).then().body("errors", nullValue());
        raw(newcomer, LIST, Map.of()).then().statusCode(200).body("errors", nullValue());
    }

    private static void awaitServed(String token) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Object errors = raw(token, LIST, Map.of()).then().extract().path("errors");
            if (errors == null) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("requests did not succeed again within a minute of PostgreSQL coming back");
    }

    /** The first message of the subscription carrying an error with {@code code}, within 30 s. */
    private static JsonObject awaitErrorCode(GraphQLWebSocket socket, String code) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject message = socket.next(5);
            if (message == null) {
                continue;
            }
            String text = message.encode();
            if (text.contains("\"" + code + "\"")) {
                return message;
            }
        }
        return null;
    }
}
