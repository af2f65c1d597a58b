package io.animo.campaign;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.platform.graphql.GlobalId;
import io.animo.support.Eventually;
import io.animo.support.GraphQL;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.History;
import io.animo.support.History.Past;
import io.animo.support.Tokens;
import io.animo.support.WebhookReceiver;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Campaigns: drafted, scheduled and ended by staff; tracked links, clicks, attribution and lift. */
@QuarkusTest
class CampaignGraphQLTest {

    private static final String CREATE = "mutation($input: CampaignCreateInput!) { campaignCreate(input: $input) {"
            + " campaign { id name status communityIds attributionDays segment { roles tags } }"
            + " userErrors { field code } } }";
    private static final String SCHEDULE = "mutation($id: ID!) { campaignSchedule(input: {id: $id}) {"
            + " campaign { status } userErrors { field code } } }";
    private static final String END = "mutation($id: ID!) { campaignEnd(input: {id: $id}) { campaign { status endedAt }"
            + " userErrors { field code } } }";
    private static final String LINK = "mutation($input: TrackedLinkCreateInput!) { trackedLinkCreate(input: $input) {"
            + " link { id code path channel utmSource utmMedium utmCampaign clicks } userErrors { field code } } }";
    private static final String CLAIM = "mutation($id: ID!) { campaignClickClaim(input: {clickId: $id}) { clickId"
            + " campaignId userErrors { field code } } }";
    private static final String CAMPAIGN = "query($id: ID!) { campaign(id: $id) { id status links { code clicks }"
            + " report { reach clicks identifiedClickers joined posted rsvped"
            + " campaign { messages activeMembers joins clicks } baseline { messages activeMembers joins }"
            + " lift { metric campaign baseline lift } } } }";
    private static final String CAMPAIGNS = "{ campaigns { id } }";
    private static final String TAGS = "mutation($m: ID!, $tags: [String!]!) { memberTagsSet(input: {memberId: $m,"
            + " tags: $tags}) { tags userErrors { field code } } }";

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    private static ValidatableResponse call(String token, String document, Map<String, Object> variables) {
        return GraphQL.raw(token, document, variables).then().statusCode(200);
    }

    private static Map<String, Object> campaign(String community, Instant startsAt, Instant endsAt) {
        return new HashMap<>(Map.of("name", "Spring launch " + UUID.randomUUID(), "objective",
                "Bring newcomers into the community", "startsAt", startsAt.toString(), "endsAt", endsAt.toString(),
                "communityIds", List.of(community)));
    }

    private static String create(Map<String, Object> input) {
        return call(globex("manager"), CREATE, vars("input", input)).body("errors", nullValue())
                .body("data.campaignCreate.userErrors", empty()).extract().path("data.campaignCreate.campaign.id");
    }

    @Test
    void staffDraftScheduleAndEndCampaignsAndBadInputChangesNothing() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Campaigns " + UUID.randomUUID()).create().get("id")
                .toString();
        Instant now = Instant.now();
        Map<String, Object> input = campaign(community, now.minus(1, ChronoUnit.HOURS), now.plus(7, ChronoUnit.DAYS));

        Map<String, Object> backwards = new HashMap<>(input);
        backwards.put("endsAt", now.minus(2, ChronoUnit.HOURS).toString());
        call(globex("manager"), CREATE, vars("input", backwards)).body("data.campaignCreate.campaign", nullValue())
                .body("data.campaignCreate.userErrors[0].field", equalTo("input.endsAt"));
        Map<String, Object> badTags = new HashMap<>(input);
        badTags.put("segment", Map.of("tags", List.of("no spaces allowed")));
        call(globex("manager"), CREATE, vars("input", badTags))
                .body("data.campaignCreate.userErrors[0].field", equalTo("input.segment.tags"));
        call(globex("member"), CREATE, vars("input", input)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        // another tenant cannot aim a campaign at this community
        call(Tokens.of(Tokens.ACME, "admin"), CREATE, vars("input", input))
                .body("data.campaignCreate.userErrors[0].code", equalTo("NOT_FOUND"));

        Map<String, Object> segmented = new HashMap<>(input);
        segmented.put("segment", Map.of("roles", List.of("MEMBER"), "tags", List.of("Beta-Tester")));
        String id = call(globex("manager"), CREATE, vars("input", segmented))
                .body("data.campaignCreate.campaign.status", equalTo("DRAFT"))
                .body("data.campaignCreate.campaign.attributionDays", equalTo(7))
                .body("data.campaignCreate.campaign.segment.tags", contains("beta-tester"))
                .body("data.campaignCreate.campaign.communityIds", contains(community))
                .extract().path("data.campaignCreate.campaign.id");
        call(globex("analyst"), CAMPAIGNS, Map.of()).body("data.campaigns.id", org.hamcrest.Matchers.hasItem(id));

        // another tenant neither sees, schedules, ends nor links it
        String acme = Tokens.of(Tokens.ACME, "admin");
        call(acme, CAMPAIGN, vars("id", id)).body("errors", nullValue()).body("data.campaign", nullValue());
        call(acme, CAMPAIGNS, Map.of()).body("data.campaigns.id", not(org.hamcrest.Matchers.hasItem(id)));
        call(acme, SCHEDULE, vars("id", id)).body("data.campaignSchedule.userErrors[0].code", equalTo("NOT_FOUND"));
        call(acme, END, vars("id", id)).body("data.campaignEnd.userErrors[0].code", equalTo("NOT_FOUND"));
        call(acme, LINK, vars("input", Map.of("campaignId", id, "channel", "x", "targetUrl", "https://acme.example")))
                .body("data.trackedLinkCreate.userErrors[0].code", equalTo("NOT_FOUND"));

        call(globex("manager"), END, vars("id", id)).body("data.campaignEnd.userErrors[0].code",
                equalTo("NOT_SCHEDULED"));
        WebhookReceiver receiver = WebhookReceiver.start();
        String admin = Tokens.of(Tokens.GLOBEX, "admin");
        String endpoint = call(admin, "mutation($url: String!) { webhookEndpointCreate(input: {url: $url,"
                + " eventTypes: [\"campaign.scheduled\", \"campaign.ended\"]}) { endpoint { id } } }",
                vars("url", receiver.url()))
                .extract().path("data.webhookEndpointCreate.endpoint.id");
        try {
            call(globex("manager"), SCHEDULE, vars("id", id)).body("data.campaignSchedule.campaign.status",
                    equalTo("RUNNING"));
            call(globex("manager"), SCHEDULE, vars("id", id)).body("data.campaignSchedule.userErrors[0].code",
                    equalTo("NOT_DRAFT"));
            call(globex("manager"), LINK, vars("input", Map.of("campaignId", id, "channel", "News Letter", "targetUrl",
                    "https://globex.example"))).body("data.trackedLinkCreate.userErrors[0].field", equalTo("input.channel"));
            call(globex("manager"), LINK, vars("input", Map.of("campaignId", id, "channel", "newsletter", "targetUrl",
                    "javascript:alert(1)"))).body("data.trackedLinkCreate.userErrors[0].field", equalTo("input.targetUrl"));
            call(globex("manager"), CAMPAIGN, vars("id", id)).body("data.campaign.links", empty());

            call(globex("manager"), END, vars("id", id)).body("data.campaignEnd.campaign.status", equalTo("ENDED"))
                    .body("data.campaignEnd.campaign.endedAt", not(nullValue()));
            call(globex("manager"), END, vars("id", id)).body("data.campaignEnd.userErrors[0].code",
                    equalTo("ALREADY_ENDED"));
            // the tenant's tools heard both, in order
            Eventually.await(() -> receiver.received().stream().filter(body -> id.equals(body.getJsonObject("data")
                    .getString("campaignId"))).count() == 2, "both announcements", Duration.ofSeconds(20));
            assertEquals(List.of("campaign.scheduled", "campaign.ended"), receiver.received().stream()
                    .filter(body -> id.equals(body.getJsonObject("data").getString("campaignId")))
                    .map(body -> body.getString("type")).toList());
        } finally {
            call(admin, "mutation($id: ID!) { webhookEndpointDelete(input: {id: $id}) { userErrors { code } } }",
                    vars("id", endpoint));
            receiver.close();
        }
        call(globex("manager"), LINK, vars("input", Map.of("campaignId", id, "channel", "newsletter", "targetUrl",
                "https://globex.example"))).body("data.trackedLinkCreate.userErrors[0].code", equalTo("CAMPAIGN_ENDED"));
    }

    @Test
    void aCampaignHasAtMostTwoHundredLinks() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Links " + UUID.randomUUID()).create().get("id")
                .toString();
        Instant now = Instant.now();
        String id = create(campaign(community, now, now.plus(1, ChronoUnit.DAYS)));
        for (int i = 0; i < 200; i++) {
            call(globex("manager"), LINK, vars("input", Map.of("campaignId", id, "channel", "channel-" + i,
                    "targetUrl", "https://globex.example/" + i))).body("data.trackedLinkCreate.userErrors", empty());
        }
        call(globex("manager"), LINK, vars("input", Map.of("campaignId", id, "channel", "one-more", "targetUrl",
                "https://globex.example/more"))).body("data.trackedLinkCreate.link", nullValue())
                .body("data.trackedLinkCreate.userErrors[0].code", equalTo("TOO_MANY_LINKS"));
        call(globex("analyst"), CAMPAIGN, vars("id", id)).body("data.campaign.links", org.hamcrest.Matchers.hasSize(200));
    }

    @Test
    void clickThenJoinThenPostAndRsvpAreAttributedToTheCampaign() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Attribution " + UUID.randomUUID()).create().get("id")
                .toString();
        Instant now = Instant.now();
        Map<String, Object> input = campaign(community, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        input.put("segment", Map.of("roles", List.of("MEMBER")));
        String id = create(input);
        call(globex("manager"), SCHEDULE, vars("id", id)).body("data.campaignSchedule.userErrors", empty());
        var link = call(globex("manager"), LINK, vars("input", Map.of("campaignId", id, "channel", "newsletter",
                "targetUrl", "https://globex.example/landing?lang=en#signup"))).body("data.trackedLinkCreate.userErrors",
                        empty())
                .body("data.trackedLinkCreate.link.utmSource", equalTo("newsletter"))
                .body("data.trackedLinkCreate.link.utmMedium", equalTo("animo"))
                .extract();
        String path = link.path("data.trackedLinkCreate.link.path");
        String code = link.path("data.trackedLinkCreate.link.code");
        assertEquals("/r/" + code, path);

        try (GraphQLWebSocket live = GraphQLWebSocket.open(globex("analyst"))) {
            live.awaitAck();
            live.subscribe("clicks", "subscription($c: ID) { engagementUpdated(communityId: $c, metrics: [CLICKS]) {"
                    + " values { metric value } } }", Map.of("c", community));
            assertEquals(0, clicks(live.nextData(10)));

            // the public redirect: no token, the click is recorded and the visitor sent on with UTM parameters
            String location = given().redirects().follow(false).queryParam("utm_term", "spring sale").get(path).then()
                    .statusCode(302).header("Cache-Control", "no-store").extract().header("Location");
            assertTrue(location.startsWith("https://globex.example/landing?lang=en&utm_source=newsletter"
                    + "&utm_medium=animo&utm_campaign="), location);
            assertTrue(location.endsWith("#signup"), location);
            Map<String, String> query = query(location);
            assertEquals("spring sale", query.get("utm_term"));
            String click = query.get("animo_click");
            assertNotNull(click, location);

            long seen = 0;
            for (int i = 0; i < 10 && seen < 1; i++) {
                seen = clicks(live.nextData(10));
            }
            assertEquals(1, seen, "the click reaches live subscribers of the community's engagement");

            // a link preview (HEAD) is sent on but not counted; an unknown code is a clear 404
            String preview = given().redirects().follow(false).head(path).then().statusCode(302).extract()
                    .header("Location");
            assertFalse(preview.contains("animo_click"), preview);
            given().get("/r/Nope1234").then().statusCode(404).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
            given().get("/r/ab").then().statusCode(404).body("errors[0].extensions.code", equalTo("NOT_FOUND"));

            // another tenant cannot claim it; the clicker can, once
            call(Tokens.of(Tokens.ACME, "member"), CLAIM, vars("id", click))
                    .body("data.campaignClickClaim.userErrors[0].code", equalTo("NOT_FOUND"));
            call(globex("moderator"), CLAIM, vars("id", click)).body("data.campaignClickClaim.userErrors", empty())
                    .body("data.campaignClickClaim.campaignId", equalTo(id));
            call(globex("member"), CLAIM, vars("id", click))
                    .body("data.campaignClickClaim.userErrors[0].code", equalTo("ALREADY_CLAIMED"));
        }

        // then the clicker joins, posts and answers an event of the community
        String member = run(globex("moderator"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty()).extract().path("data.communityJoin.membership.member.id");
        run(globex("moderator"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Hello", "body", "Glad to be here after reading the newsletter")))
                .body("data.threadCreate.thread.id", not(nullValue()));
        String event = call(globex("manager"), "mutation($input: EventCreateInput!) { eventCreate(input: $input) {"
                + " event { id } } }",
                vars("input", Map.of("communityId", community, "title", "Meetup", "format",
                        "ONLINE", "startsAt", now.plus(2, ChronoUnit.DAYS).toString(), "endsAt",
                        now.plus(2, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS).toString(), "timeZone", "UTC",
                        "joinUrl", "https://meet.example/spring")))
                .extract().path("data.eventCreate.event.id");
        call(globex("moderator"), "mutation($e: ID!) { eventRsvp(input: {eventId: $e, answer: GOING}) { userErrors {"
                + " code } } }", vars("e", event)).body("data.eventRsvp.userErrors", empty());
        given().redirects().follow(false).get(path).then().statusCode(302); // an anonymous click nobody claims

        call(globex("analyst"), CAMPAIGN, vars("id", id)).body("errors", nullValue())
                .body("data.campaign.links[0].clicks", equalTo(2))
                .body("data.campaign.report.clicks", equalTo(2))
                .body("data.campaign.report.identifiedClickers", equalTo(1))
                .body("data.campaign.report.joined", equalTo(1))
                .body("data.campaign.report.posted", equalTo(1))
                .body("data.campaign.report.rsvped", equalTo(1))
                .body("data.campaign.report.reach", equalTo(1)) // the owner is not in the MEMBER segment
                .body("data.campaign.report.campaign.clicks", equalTo(2))
                .body("data.campaign.report.campaign.joins", equalTo(1));

        // the segment's tags: the clicker is in it only once tagged
        Map<String, Object> tagged = campaign(community, now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.DAYS));
        tagged.put("segment", Map.of("tags", List.of("beta-tester")));
        String taggedId = create(tagged);
        call(globex("manager"), CAMPAIGN, vars("id", taggedId)).body("data.campaign.report.reach", equalTo(0));
        call(Tokens.of(Tokens.ACME, "admin"), TAGS, vars("m", member, "tags", List.of("beta-tester")))
                .body("data.memberTagsSet.userErrors[0].code", equalTo("NOT_FOUND"));
        call(globex("member"), TAGS, vars("m", member, "tags", List.of("beta-tester")))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        call(globex("manager"), TAGS, vars("m", member, "tags", List.of("Beta-Tester", "beta-tester")))
                .body("data.memberTagsSet.tags", contains("beta-tester"));
        call(globex("manager"), CAMPAIGN, vars("id", taggedId)).body("data.campaign.report.reach", equalTo(1));
    }

    @Test
    void liftComparesTheCampaignWithThePeriodOfTheSameLengthBeforeIt() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Lift " + UUID.randomUUID()).create().get("id")
                .toString();
        Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(3, ChronoUnit.HOURS);
        Instant end = start.plus(2, ChronoUnit.HOURS);
        String id = create(campaign(community, start, end));
        List<UUID> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(UUID.randomUUID());
        }
        List<Past> past = new ArrayList<>();
        // baseline [start - 2h, start): 4 messages by 2 members, 1 join: 3 active members
        for (int i = 0; i < 4; i++) {
            past.add(new Past(people.get(i % 2), "MESSAGE_POSTED", start.minus(90 - i, ChronoUnit.MINUTES)));
        }
        past.add(new Past(people.get(2), "MEMBER_JOINED", start.minus(1, ChronoUnit.MINUTES)));
        // campaign [start, end): 10 messages by 5 members, 3 joins by 3 others: 8 active members
        for (int i = 0; i < 10; i++) {
            past.add(new Past(people.get(i % 5), "MESSAGE_POSTED", start.plus(i, ChronoUnit.MINUTES)));
        }
        for (int i = 5; i < 8; i++) {
            past.add(new Past(people.get(i), "MEMBER_JOINED", end.minus(1, ChronoUnit.SECONDS)));
        }
        // outside both: not counted
        past.add(new Past(people.get(0), "MESSAGE_POSTED", start.minus(3, ChronoUnit.HOURS)));
        past.add(new Past(people.get(0), "MESSAGE_POSTED", end));
        History.record(Tokens.GLOBEX, GlobalId.decode(community, "Community").orElseThrow(), past);

        var report = call(globex("analyst"), CAMPAIGN, vars("id", id)).body("errors", nullValue())
                .body("data.campaign.report.campaign.messages", equalTo(10))
                .body("data.campaign.report.baseline.messages", equalTo(4))
                .body("data.campaign.report.campaign.activeMembers", equalTo(8))
                .body("data.campaign.report.baseline.activeMembers", equalTo(3))
                .body("data.campaign.report.campaign.joins", equalTo(3))
                .body("data.campaign.report.baseline.joins", equalTo(1)).extract();
        Map<String, Double> lift = new LinkedHashMap<>();
        List<Map<String, Object>> lifts = report.path("data.campaign.report.lift");
        lifts.forEach(row -> lift.put((String) row.get("metric"), row.get("lift") == null
                ? null
                : ((Number) row.get("lift")).doubleValue()));
        assertEquals(1.5, lift.get("MESSAGES"), 1e-9);
        assertEquals(5.0 / 3, lift.get("ACTIVE_MEMBERS"), 1e-6);
        assertEquals(2.0, lift.get("JOINS"), 1e-9);
        assertEquals(null, lift.get("POSITIVE_SHARE"));
    }

    private static long clicks(JsonObject payload) {
        assertNotNull(payload, "a live snapshot");
        JsonArray values = payload.getJsonObject("data").getJsonObject("engagementUpdated").getJsonArray("values");
        return values.getJsonObject(0).getLong("value");
    }

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new HashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1),
                    StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
