package io.animo.webhook;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.animo.alert.AlertGraphQLTest;
import io.animo.platform.net.WebhookSignature;
import io.animo.support.Eventually;
import io.animo.support.GraphQL;
import io.animo.support.QueueItems;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/** Signed outbound webhooks from a durable outbox: in order per endpoint, retried until the receiver is back. */
@QuarkusTest
class WebhookGraphQLTest {

    private static final String CREATE = "mutation($url: String!, $types: [String!]!) { webhookEndpointCreate(input:"
            + " {url: $url, eventTypes: $types}) { endpoint { id url eventTypes } secret userErrors { field code message } } }";
    private static final String DELIVERIES = "query($id: ID!) { webhookDeliveries(endpointId: $id) { eventType status"
            + " attempts lastStatus lastError deliveredAt } }";
    private static final String DELETE = "mutation($id: ID!) { webhookEndpointDelete(input: {id: $id}) {"
            + " endpoint { id } userErrors { code } } }";
    private static final String TEST = "mutation($id: ID!) { webhookTest(input: {id: $id}) { userErrors { code } } }";
    private static final String EVENT = "mutation($input: EventCreateInput!) { eventCreate(input: $input) {"
            + " event { id } userErrors { code } } }";
    private static final String CANCEL = "mutation($id: ID!) { eventCancel(input: {id: $id}) { userErrors { code } } }";

    /** What the receiver got: headers we check, and the body. */
    private record Received(String signature, String event, String body) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile boolean down;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (down) {
                exchange.sendResponseHeaders(503, -1);
            } else {
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER),
                        exchange.getRequestHeaders().getFirst("Animo-Event"), new String(body, StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(204, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static ValidatableResponse call(String token, String document, Map<String, Object> variables) {
        return GraphQL.raw(token, document, variables).then().statusCode(200);
    }

    private static String admin(String realm) {
        return Tokens.of(realm, "admin");
    }

    private static String createEvent(String realm, String community, String title) {
        return call(admin(realm), EVENT, vars("input", Map.of("communityId", community, "title", title,
                "format", "ONLINE", "startsAt", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                "endsAt", Instant.now().plus(1, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString(),
                "timeZone", "UTC", "joinUrl", "https://meet.example/" + title)))
                .body("data.eventCreate.userErrors", empty()).extract().path("data.eventCreate.event.id");
    }

    private static void await(BooleanSupplier done, String what) throws InterruptedException {
        Eventually.await(done, what, Duration.ofSeconds(20));
    }

    @Test
    void deliveriesWaitForAReceiverThatIsDownThenArriveInOrderSigned() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Hooks " + UUID.randomUUID()).create().get("id")
                .toString();
        ValidatableResponse created = call(admin(Tokens.GLOBEX), CREATE, vars("url", url(), "types",
                List.of("event.created", "event.cancelled", "webhook.test")))
                .body("data.webhookEndpointCreate.userErrors", empty());
        String endpoint = created.extract().path("data.webhookEndpointCreate.endpoint.id");
        String secret = created.extract().path("data.webhookEndpointCreate.secret");
        assertTrue(secret.startsWith("whsec_"), secret);

        down = true;
        String first = createEvent(Tokens.GLOBEX, community, "first");
        String second = createEvent(Tokens.GLOBEX, community, "second");
        call(admin(Tokens.GLOBEX), CANCEL, vars("id", first)).body("data.eventCancel.userErrors", empty());
        await(() -> call(admin(Tokens.GLOBEX), DELIVERIES, vars("id", endpoint)).extract()
                .<List<Integer>>path("data.webhookDeliveries.attempts").stream().anyMatch(a -> a >= 2),
                "retries while the receiver is down");
        call(admin(Tokens.GLOBEX), DELIVERIES, vars("id", endpoint))
                .body("data.webhookDeliveries.status", everyItem(equalTo("PENDING")))
                .body("data.webhookDeliveries.lastStatus", hasItem(503));
        assertEquals(List.of(), received, "nothing got through while it was down");

        down = false;
        await(() -> received.size() >= 3, "the three deliveries");
        List<JsonObject> bodies = received.stream().map(r -> new JsonObject(r.body())).toList();
        assertEquals(List.of("event.created", "event.created", "event.cancelled"),
                bodies.stream().map(b -> b.getString("type")).toList(), "in the order they happened");
        assertEquals(List.of(first, second, first),
                bodies.stream().map(b -> b.getJsonObject("data").getString("eventId")).toList());
        for (Received delivery : received) {
            String[] parts = delivery.signature().split(",");
            long timestamp = Long.parseLong(parts[0].substring(2));
            assertTrue(Math.abs(Instant.now().getEpochSecond() - timestamp) < 60, "a fresh timestamp");
            assertEquals(WebhookSignature.hmac(secret, timestamp + "." + delivery.body()), parts[1].substring(3),
                    "the signature verifies with the endpoint's secret");
        }
        await(() -> call(admin(Tokens.GLOBEX), DELIVERIES, vars("id", endpoint)).extract()
                .<List<String>>path("data.webhookDeliveries.status").stream().allMatch("DELIVERED"::equals),
                "every delivery logged as delivered");

        // a test delivery, on demand
        call(admin(Tokens.GLOBEX), TEST, vars("id", endpoint)).body("data.webhookTest.userErrors", empty());
        await(() -> received.stream().anyMatch(r -> "webhook.test".equals(r.event())), "the test delivery");

        // another tenant neither reads, tests nor deletes it, and its events never reach it
        String acme = admin(Tokens.ACME);
        call(acme, DELIVERIES, vars("id", endpoint)).body("errors", nullValue())
                .body("data.webhookDeliveries", nullValue());
        call(acme, TEST, vars("id", endpoint)).body("data.webhookTest.userErrors[0].code", equalTo("NOT_FOUND"));
        call(acme, DELETE, vars("id", endpoint)).body("data.webhookEndpointDelete.userErrors[0].code",
                equalTo("NOT_FOUND"));
        call(acme, "{ webhookEndpoints { id } }", vars()).body("data.webhookEndpoints.id", not(hasItem(endpoint)));
        String acmeCommunity = aCommunity().in(Tokens.ACME).named("Other " + UUID.randomUUID()).create().get("id")
                .toString();
        int before = received.size();
        createEvent(Tokens.ACME, acmeCommunity, "theirs");

        // deleted: nothing more
        call(admin(Tokens.GLOBEX), DELETE, vars("id", endpoint)).body("data.webhookEndpointDelete.userErrors", empty());
        createEvent(Tokens.GLOBEX, community, "after");
        Thread.sleep(1_500);
        assertEquals(before, received.size(), "neither another tenant's event nor one after the deletion");
    }

    @Test
    void alertsAndModerationDecisionsAreAnnounced() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Watched " + UUID.randomUUID()).create().get("id")
                .toString();
        String endpoint = call(admin(Tokens.GLOBEX), CREATE, vars("url", url(), "types",
                List.of("alert.raised", "moderation.decided"))).body("data.webhookEndpointCreate.userErrors", empty())
                .extract().path("data.webhookEndpointCreate.endpoint.id");

        AlertGraphQLTest.burst(Tokens.GLOBEX, community);
        await(() -> received.stream().anyMatch(r -> "alert.raised".equals(r.event())
                && community.equals(new JsonObject(r.body()).getJsonObject("data").getString("communityId"))),
                "an alert.raised for the burst");

        String thread = GraphQL.run(Tokens.of(Tokens.GLOBEX, "member"), "threadCreate", vars("input", Map.of(
                "communityId", community, "kind", "DISCUSSION", "title", "Report me", "body", "Something to report")))
                .extract().path("data.threadCreate.thread.id");
        String message = GraphQL.run(Tokens.of(Tokens.GLOBEX, "member"), "messagePost", vars("input", Map.of(
                "threadId", thread, "body", "A message someone reports"))).extract().path("data.messagePost.message.id");
        GraphQL.run(Tokens.of(Tokens.GLOBEX, "analyst"), "contentReport", vars("input", Map.of("messageId", message,
                "reason", "Rude"))).body("data.contentReport.userErrors", empty());
        String item = QueueItems.openId(Tokens.of(Tokens.GLOBEX, "moderator"), community, message);
        GraphQL.run(Tokens.of(Tokens.GLOBEX, "moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item,
                "decision", "REMOVE"))).body("data.moderationItemDecide.userErrors", empty());
        await(() -> received.stream().anyMatch(r -> "moderation.decided".equals(r.event())), "the decision");
        JsonObject decided = received.stream().filter(r -> "moderation.decided".equals(r.event()))
                .map(r -> new JsonObject(r.body()).getJsonObject("data")).findFirst().orElseThrow();
        assertEquals(item, decided.getString("itemId"));
        assertEquals(message, decided.getString("messageId"));
        assertEquals("REMOVED", decided.getString("status"));
        call(admin(Tokens.GLOBEX), DELETE, vars("id", endpoint)).body("data.webhookEndpointDelete.userErrors", empty());
    }

    @Test
    void privateTargetsBadTypesAndOtherRolesAreRefused() {
        String admin = admin(Tokens.GLOBEX);
        for (String target : List.of("https://10.1.2.3/hook", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook", "http://hooks.example.com/hook", "https://user:pass@hooks.example.com/x", "nope")) {
            call(admin, CREATE, vars("url", target, "types", List.of("event.created")))
                    .body("data.webhookEndpointCreate.endpoint", nullValue())
                    .body("data.webhookEndpointCreate.userErrors[0].field", equalTo("input.url"));
        }
        call(admin, CREATE, vars("url", url(), "types", List.of("everything")))
                .body("data.webhookEndpointCreate.userErrors[0].code", equalTo("INVALID"));
        call(Tokens.of(Tokens.GLOBEX, "manager"), CREATE, vars("url", url(), "types", List.of("event.created")))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        call(Tokens.of(Tokens.GLOBEX, "manager"), "{ webhookEndpoints { id } }", vars())
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        call(admin, "{ webhookEndpoints { url } }", vars()).body("data.webhookEndpoints.url",
                not(hasItem("https://10.1.2.3/hook")));
    }
}
