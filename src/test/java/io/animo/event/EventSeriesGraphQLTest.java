package io.animo.event;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.animo.platform.graphql.GlobalId;
import io.animo.support.Eventually;
import io.animo.support.GraphQL;
import io.animo.support.History;
import io.animo.support.History.Past;
import io.animo.support.Tokens;
import io.animo.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonObject;

/** Events that repeat, remind the tenant's webhooks before they start, and show what they did to the community. */
@QuarkusTest
class EventSeriesGraphQLTest {

    private static final String CREATE = "mutation($input: EventCreateInput!) { eventCreate(input: $input) {"
            + " event { id recurrence remindBeforeMinutes occurrences(first: 5) } userErrors { field code } } }";
    private static final String ENGAGEMENT = "query($id: ID!) { event(id: $id) { engagementAfter(hours: 2) {"
            + " messages activeMembers joins } engagementBefore(hours: 2) { messages activeMembers joins } } }";

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = WebhookReceiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    private static ValidatableResponse call(String token, String document, Map<String, Object> variables) {
        return GraphQL.raw(token, document, variables).then().statusCode(200);
    }

    private static Map<String, Object> event(String community, Instant start, Duration length) {
        return new HashMap<>(Map.of("communityId", community, "title", "Weekly meetup", "format", "ONLINE",
                "startsAt", start.toString(), "endsAt", start.plus(length).toString(), "timeZone", "Europe/Paris",
                "joinUrl", "https://meet.example/weekly"));
    }

    @Test
    void aWeeklySeriesIsExpandedExportedAndRemindedOfToWebhooks() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Series " + UUID.randomUUID()).joinedBy("member")
                .create().get("id").toString();
        // reminded 15 minutes before: due 8 s after it is created, once the member below has answered
        Instant start = Instant.now().plus(15, ChronoUnit.MINUTES).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        for (String bad : List.of("FREQ=SOMETIMES", "FREQ=WEEKLY\r\nATTENDEE:x", "COUNT=3")) {
            Map<String, Object> input = event(community, start, Duration.ofHours(1));
            input.put("recurrence", bad);
            call(globex("manager"), CREATE, vars("input", input)).body("data.eventCreate.event", nullValue())
                    .body("data.eventCreate.userErrors[0].field", equalTo("input.recurrence"));
        }
        Map<String, Object> tooSoon = event(community, start, Duration.ofHours(1));
        tooSoon.put("remindBeforeMinutes", 1);
        call(globex("manager"), CREATE, vars("input", tooSoon))
                .body("data.eventCreate.userErrors[0].field", equalTo("input.remindBeforeMinutes"));

        String endpoint = call(Tokens.of(Tokens.GLOBEX, "admin"), "mutation($url: String!) { webhookEndpointCreate("
                + "input: {url: $url, eventTypes: [\"event.reminder\"]}) { endpoint { id } userErrors { code } } }",
                vars("url", receiver.url()))
                .body("data.webhookEndpointCreate.userErrors", empty())
                .extract().path("data.webhookEndpointCreate.endpoint.id");
        try {
            Map<String, Object> weekly = event(community, start, Duration.ofHours(1));
            weekly.put("recurrence", "FREQ=WEEKLY;COUNT=3");
            weekly.put("remindBeforeMinutes", 15);
            var created = call(globex("manager"), CREATE, vars("input", weekly))
                    .body("data.eventCreate.userErrors", empty())
                    .body("data.eventCreate.event.recurrence", equalTo("FREQ=WEEKLY;COUNT=3"))
                    .body("data.eventCreate.event.occurrences", hasSize(3)).extract();
            String id = created.path("data.eventCreate.event.id");
            List<String> occurrences = created.path("data.eventCreate.event.occurrences");
            for (int i = 0; i < 3; i++) {
                assertEquals(start.plus(7L * i, ChronoUnit.DAYS), Instant.parse(occurrences.get(i)));
            }
            call(globex("member"), "mutation($e: ID!) { eventRsvp(input: {eventId: $e, answer: GOING}) {"
                    + " userErrors { code } } }", vars("e", id)).body("data.eventRsvp.userErrors", empty());
            given().auth().oauth2(globex("member")).queryParam("eventId", id).get("/exports/events.ics").then()
                    .statusCode(200).body(containsString("RRULE:FREQ=WEEKLY;COUNT=3"));

            // it starts within 15 minutes: the webhooks hear of it once, with who is going
            Eventually.await(() -> !receiver.of("event.reminder", "eventId", id).isEmpty(), "the reminder",
                    Duration.ofSeconds(30));
            List<JsonObject> reminders = receiver.of("event.reminder", "eventId", id);
            assertEquals(1, reminders.size(), receiver.received().toString());
            assertEquals(1, reminders.get(0).getJsonObject("data").getInteger("going"));
            assertEquals(1, reminders.get(0).getJsonObject("data").getJsonArray("goingMemberIds").size());
            Thread.sleep(1_000);
            assertEquals(1, receiver.of("event.reminder", "eventId", id).size(), "reminded once");

            // another tenant sees no occurrences of it
            call(Tokens.of(Tokens.ACME, "admin"), "query($id: ID!) { event(id: $id) { occurrences } }", vars("id", id))
                    .body("data.event", nullValue());
        } finally {
            call(Tokens.of(Tokens.GLOBEX, "admin"), "mutation($id: ID!) { webhookEndpointDelete(input: {id: $id}) {"
                    + " userErrors { code } } }", vars("id", endpoint));
        }
    }

    @Test
    void engagementAfterAnEventIsSetAgainstTheHoursBeforeIt() {
        String community = aCommunity().in(Tokens.GLOBEX).named("After " + UUID.randomUUID()).create().get("id")
                .toString();
        Instant start = Instant.now().minus(5, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
        Instant end = start.plus(1, ChronoUnit.HOURS);
        String id = call(globex("manager"), CREATE, vars("input", event(community, start, Duration.ofHours(1))))
                .body("data.eventCreate.userErrors", empty()).extract().path("data.eventCreate.event.id");
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cyd = UUID.randomUUID();
        History.record(Tokens.GLOBEX, GlobalId.decode(community, "Community").orElseThrow(), List.of(
                new Past(ann, "MESSAGE_POSTED", start.minus(30, ChronoUnit.MINUTES)),
                new Past(ann, "MESSAGE_POSTED", end.plus(10, ChronoUnit.MINUTES)),
                new Past(bob, "REPLY_POSTED", end.plus(20, ChronoUnit.MINUTES)),
                new Past(cyd, "MEMBER_JOINED", end.plus(30, ChronoUnit.MINUTES)),
                new Past(cyd, "MESSAGE_POSTED", end.plus(3, ChronoUnit.HOURS)))); // after the window
        call(globex("analyst"), ENGAGEMENT, vars("id", id)).body("errors", nullValue())
                .body("data.event.engagementAfter.messages", equalTo(2))
                .body("data.event.engagementAfter.activeMembers", equalTo(3))
                .body("data.event.engagementAfter.joins", equalTo(1))
                .body("data.event.engagementBefore.messages", equalTo(1))
                .body("data.event.engagementBefore.activeMembers", equalTo(1));
        call(Tokens.of(Tokens.ACME, "admin"), ENGAGEMENT, vars("id", id)).body("data.event", nullValue());
    }
}
