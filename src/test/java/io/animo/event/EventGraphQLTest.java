package io.animo.event;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.animo.platform.security.Roles;
import io.animo.support.GraphQL;
import io.animo.support.KeycloakAdmin;
import io.animo.support.Parallel;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;

/** Events: scheduled by staff, answered by members within the capacity and then a waitlist, under concurrency. */
@QuarkusTest
class EventGraphQLTest {

    private static final String CREATE = "mutation($input: EventCreateInput!) { eventCreate(input: $input) {"
            + " event { id title format status capacity going waitlisted } userErrors { field code } } }";
    private static final String RSVP = "mutation($input: EventRsvpInput!) { eventRsvp(input: $input) {"
            + " event { going maybe waitlisted } rsvp { memberId answer waitlistPosition } userErrors { field code } } }";
    private static final String CANCEL = "mutation($id: ID!) { eventCancel(input: {id: $id}) { event { status }"
            + " userErrors { field code } } }";
    private static final String CHECK_IN = "mutation($id: ID!, $m: ID!) { eventCheckIn(input: {id: $id, memberId: $m}) {"
            + " event { checkedIn attendanceRate } rsvp { checkedInAt } userErrors { field code } } }";
    private static final String EVENT = "query($id: ID!) { event(id: $id) { id going waitlisted status } }";
    private static final String EVENTS = "query($c: ID!) { events(communityId: $c) { id title } }";
    private static final String CALENDAR = "/exports/events.ics";

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    private static ValidatableResponse call(String token, String document, Map<String, Object> variables) {
        return GraphQL.raw(token, document, variables).then().statusCode(200);
    }

    private static Map<String, Object> event(String community, String title, Integer capacity) {
        Map<String, Object> input = new HashMap<>(Map.of("communityId", community, "title", title,
                "format", "HYBRID", "startsAt", Instant.now().plus(2, ChronoUnit.DAYS).toString(),
                "endsAt", Instant.now().plus(2, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS).toString(),
                "timeZone", "Europe/Paris", "location", "12 rue de la Paix, Paris", "joinUrl", "https://meet.example/x"));
        if (capacity != null) {
            input.put("capacity", capacity);
        }
        return vars("input", input);
    }

    @Test
    void staffScheduleAndCancelEventsAndBadInputChangesNothing() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Events " + UUID.randomUUID()).joinedBy("member")
                .create().get("id").toString();
        Map<String, Object> online = event(community, "Release party", 50);
        @SuppressWarnings("unchecked")
        Map<String, Object> noLink = new HashMap<>((Map<String, Object>) online.get("input"));
        noLink.remove("joinUrl");
        call(globex("manager"), CREATE, vars("input", noLink)).body("errors", nullValue())
                .body("data.eventCreate.event", nullValue())
                .body("data.eventCreate.userErrors[0].field", equalTo("input.joinUrl"));
        @SuppressWarnings("unchecked")
        Map<String, Object> badZone = new HashMap<>((Map<String, Object>) online.get("input"));
        badZone.put("timeZone", "Mars/Olympus");
        call(globex("manager"), CREATE, vars("input", badZone))
                .body("data.eventCreate.userErrors[0].code", equalTo("INVALID"));
        call(globex("member"), CREATE, online).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        call(globex("analyst"), EVENTS, vars("c", community)).body("data.events", empty());

        String id = call(globex("manager"), CREATE, online).body("data.eventCreate.userErrors", empty())
                .body("data.eventCreate.event.status", equalTo("SCHEDULED"))
                .extract().path("data.eventCreate.event.id");
        call(globex("member"), EVENTS, vars("c", community)).body("data.events.id", contains(id));

        // another tenant neither sees, answers nor cancels it
        String acme = Tokens.of(Tokens.ACME, "admin");
        call(acme, EVENT, vars("id", id)).body("errors", nullValue()).body("data.event", nullValue());
        call(acme, EVENTS, vars("c", community)).body("data.events", empty());
        call(acme, RSVP, vars("input", Map.of("eventId", id, "answer", "GOING")))
                .body("data.eventRsvp.userErrors[0].code", equalTo("NOT_FOUND"));
        call(acme, CANCEL, vars("id", id)).body("data.eventCancel.userErrors[0].code", equalTo("NOT_FOUND"));
        call(globex("analyst"), EVENT, vars("id", id)).body("data.event.status", equalTo("SCHEDULED"));

        call(globex("manager"), CANCEL, vars("id", id)).body("data.eventCancel.event.status", equalTo("CANCELLED"));
        call(globex("manager"), CANCEL, vars("id", id))
                .body("data.eventCancel.userErrors[0].code", equalTo("ALREADY_CANCELLED"));
        call(globex("member"), RSVP, vars("input", Map.of("eventId", id, "answer", "GOING")))
                .body("data.eventRsvp.userErrors[0].code", equalTo("EVENT_CANCELLED"));
    }

    @Test
    void eventsAreExportedAsICalendarToWhoeverReadsTheCommunity() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Calendar " + UUID.randomUUID()).joinedBy("member")
                .create().get("id").toString();
        Map<String, Object> input = event(community, "Launch; with, \"odd\" characters", 30);
        String id = call(globex("manager"), CREATE, input).body("data.eventCreate.userErrors", empty())
                .extract().path("data.eventCreate.event.id");
        String other = call(globex("manager"), CREATE, event(community, "Second", null))
                .extract().path("data.eventCreate.event.id");
        call(globex("manager"), CANCEL, vars("id", other)).body("data.eventCancel.userErrors", empty());

        String one = given().auth().oauth2(globex("member")).queryParam("eventId", id).when().get(CALENDAR).then()
                .statusCode(200).contentType(startsWith("text/calendar")).extract().asString();
        ICalendar calendar = Biweekly.parse(one).first();
        assertEquals(1, calendar.getEvents().size());
        VEvent entry = calendar.getEvents().get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> sent = (Map<String, Object>) input.get("input");
        assertEquals(sent.get("title"), entry.getSummary().getValue(), "text is escaped and read back whole");
        assertEquals(Instant.parse((String) sent.get("startsAt")).truncatedTo(ChronoUnit.SECONDS),
                entry.getDateStart().getValue().toInstant());
        assertEquals(sent.get("location"), entry.getLocation().getValue());
        assertEquals(sent.get("joinUrl"), entry.getUrl().getValue());
        assertEquals(id + "@animo", entry.getUid().getValue());

        String all = given().auth().oauth2(globex("analyst")).queryParam("communityId", community).when().get(CALENDAR)
                .then().statusCode(200).extract().asString();
        List<VEvent> entries = Biweekly.parse(all).first().getEvents();
        assertEquals(2, entries.size());
        assertEquals(List.of("CONFIRMED", "CANCELLED"), entries.stream().map(e -> e.getStatus().getValue()).toList());

        // refusals: another tenant, no token, neither or both parameters
        given().auth().oauth2(Tokens.of(Tokens.ACME, "admin")).queryParam("eventId", id).when().get(CALENDAR).then()
                .statusCode(404).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        given().auth().oauth2(Tokens.of(Tokens.ACME, "admin")).queryParam("communityId", community).when()
                .get(CALENDAR).then().statusCode(404).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        given().queryParam("eventId", id).when().get(CALENDAR).then().statusCode(401);
        given().auth().oauth2(globex("member")).when().get(CALENDAR).then().statusCode(400)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    @Test
    void fiftyAnswersAtOnceOnTenSeatsGiveTenSeatsAndAWaitlistThatMovesUp() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Meetup " + UUID.randomUUID()).create().get("id")
                .toString();
        String id = call(globex("manager"), CREATE, event(community, "Meetup", 10))
                .body("data.eventCreate.userErrors", empty()).extract().path("data.eventCreate.event.id");
        String prefix = "rsvp-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            KeycloakAdmin.createUser(Tokens.GLOBEX, prefix + i, Tokens.PASSWORD, List.of(Roles.MEMBER));
            String token = Tokens.of(Tokens.GLOBEX, prefix + i);
            call(token, "mutation($c: ID!) { communityJoin(input: {communityId: $c}) { userErrors { code } } }",
                    vars("c", community)).body("data.communityJoin.userErrors", empty());
            tokens.add(token);
        }

        List<Callable<Map<String, Object>>> answers = tokens.stream()
                .<Callable<Map<String, Object>>>map(
                        token -> () -> call(token, RSVP, vars("input", Map.of("eventId", id, "answer", "GOING")))
                                .body("data.eventRsvp.userErrors", empty()).extract().path("data.eventRsvp.rsvp"))
                .toList();
        List<Map<String, Object>> rsvps = Parallel.run(answers);
        assertEquals(10, rsvps.stream().filter(r -> "GOING".equals(r.get("answer"))).count(), "exactly the seats");
        List<Integer> places = rsvps.stream().filter(r -> "WAITLISTED".equals(r.get("answer")))
                .map(r -> (Integer) r.get("waitlistPosition")).sorted().toList();
        assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(), places, "the others wait, one place each");
        call(globex("analyst"), EVENT, vars("id", id)).body("data.event.going", equalTo(10))
                .body("data.event.waitlisted", equalTo(40));

        // five with a seat step back at once: the first five of the waitlist get them, in order
        List<Integer> going = IntStream.range(0, 50).filter(i -> "GOING".equals(rsvps.get(i).get("answer"))).boxed()
                .toList();
        Parallel.run(going.subList(0, 5).stream().<Callable<Object>>map(i -> () -> call(tokens.get(i), RSVP,
                vars("input", Map.of("eventId", id, "answer", "DECLINED")))
                .body("data.eventRsvp.userErrors", empty()).extract().path("data.eventRsvp.rsvp.answer")).toList());
        call(globex("analyst"), EVENT, vars("id", id)).body("data.event.going", equalTo(10))
                .body("data.event.waitlisted", equalTo(35));
        for (int i = 0; i < 50; i++) {
            Integer place = (Integer) rsvps.get(i).get("waitlistPosition");
            if (place == null) {
                continue;
            }
            // answering GOING again changes nothing: it tells where one stands
            Map<String, Object> now = call(tokens.get(i), RSVP, vars("input", Map.of("eventId", id, "answer", "GOING")))
                    .extract().path("data.eventRsvp.rsvp");
            assertEquals(place <= 5 ? "GOING" : "WAITLISTED", now.get("answer"), "place " + place);
        }

        // check-in: staff mark who came; a member cannot
        String seated = (String) rsvps.get(going.get(5)).get("memberId");
        call(tokens.get(0), CHECK_IN, vars("id", id, "m", seated)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        call(globex("moderator"), CHECK_IN, vars("id", id, "m", seated)).body("data.eventCheckIn.userErrors", empty())
                .body("data.eventCheckIn.event.checkedIn", equalTo(1))
                .body("data.eventCheckIn.event.attendanceRate", equalTo(0.1f));
        String declined = (String) rsvps.get(going.get(0)).get("memberId");
        call(globex("moderator"), CHECK_IN, vars("id", id, "m", declined))
                .body("data.eventCheckIn.userErrors[0].code", equalTo("NOT_GOING"));
        // only members of the community answer
        call(globex("member"), RSVP, vars("input", Map.of("eventId", id, "answer", "GOING")))
                .body("data.eventRsvp.rsvp", nullValue()).body("data.eventRsvp.userErrors", not(empty()));
    }
}
