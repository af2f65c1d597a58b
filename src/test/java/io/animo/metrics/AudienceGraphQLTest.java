package io.animo.metrics;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static io.animo.support.History.Past.of;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.platform.graphql.GlobalId;
import io.animo.support.GraphQL;
import io.animo.support.History;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Audience, retention, top members and top terms, each checked against a hand-made fixture. */
@QuarkusTest
class AudienceGraphQLTest {

    private static final String AUDIENCE = "query($c: ID, $on: Date!, $tz: String) { audience(communityId: $c, on: $on,"
            + " timeZone: $tz) { communityId on daily weekly monthly stickiness newMembers returningMembers"
            + " churnedMembers } }";
    private static final String RETENTION = "query($c: ID, $n: Int) { retention(communityId: $c, cohort: WEEK,"
            + " periods: $n) { start size active rates } }";
    private static final String TOP = "query($c: ID, $from: DateTime!, $to: DateTime!, $n: Int) {"
            + " topMembers(communityId: $c, from: $from, to: $to, first: $n) { memberId displayName activities messages"
            + " reactions }"
            + " topTerms(communityId: $c, from: $from, to: $to, first: $n) { term messages"
            + " sentiment { positive neutral negative } } }";

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void audienceAroundADayInItsTimeZone() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Audience " + UUID.randomUUID()).createId();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();
        UUID e = UUID.randomUUID(), f = UUID.randomUUID(), g = UUID.randomUUID();
        History.record(Tokens.GLOBEX, uuid(community), List.of(
                of(a, "MESSAGE_POSTED", "2026-05-31T12:00:00Z"), of(a, "REACTION_ADDED", "2026-04-15T12:00:00Z"),
                of(b, "POLL_VOTED", "2026-05-27T12:00:00Z"),
                of(c, "MEMBER_JOINED", "2026-05-10T12:00:00Z"),
                of(d, "THREAD_CREATED", "2026-04-20T12:00:00Z"),
                of(e, "REPLY_POSTED", "2026-04-10T12:00:00Z"), of(e, "REPORT_FILED", "2026-05-05T12:00:00Z"),
                of(f, "MESSAGE_POSTED", "2026-06-01T02:00:00Z"), // 31 May, 22:00 in New York
                of(g, "MEMBER_LEFT", "2026-05-31T12:00:00Z"))); // leaving is not being active

        // UTC: the day is 31 May; its week from 25 May, its month from 2 May; the month before from 2 April
        GraphQL.raw(globex("analyst"), AUDIENCE, vars("c", community, "on", "2026-05-31")).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.audience.communityId", equalTo(community))
                .body("data.audience.daily", equalTo(1)) // a
                .body("data.audience.weekly", equalTo(2)) // a, b
                .body("data.audience.monthly", equalTo(4)) // a, b, c, e
                .body("data.audience.stickiness", equalTo(0.25f))
                .body("data.audience.newMembers", equalTo(2)) // b, c
                .body("data.audience.returningMembers", equalTo(2)) // a, e
                .body("data.audience.churnedMembers", equalTo(1)); // d
        GraphQL.raw(globex("analyst"), AUDIENCE, vars("c", community, "on", "2026-05-31", "tz", "America/New_York"))
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.audience.daily", equalTo(2)) // a, f
                .body("data.audience.monthly", equalTo(5))
                .body("data.audience.newMembers", equalTo(3));
        GraphQL.raw(globex("analyst"), AUDIENCE, vars("c", community, "on", "2020-01-01")).then().statusCode(200)
                .body("data.audience.monthly", equalTo(0))
                .body("data.audience.stickiness", nullValue());
        // another tenant cannot read this community's audience
        GraphQL.raw(Tokens.of(Tokens.ACME, "analyst"), AUDIENCE, vars("c", community, "on", "2026-05-31"))
                .then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
    }

    @Test
    void weeklyCohortsUpToTheCurrentWeek() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Cohorts " + UUID.randomUUID()).createId();
        Instant thisWeek = Instant.now().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toInstant();
        Instant twoWeeksAgo = thisWeek.minus(14, ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        Instant lastWeek = thisWeek.minus(7, ChronoUnit.DAYS).plus(2, ChronoUnit.DAYS);
        UUID p = UUID.randomUUID(), q = UUID.randomUUID(), r = UUID.randomUUID(), s = UUID.randomUUID();
        Object acmeBefore = acmeCohorts();
        History.record(Tokens.GLOBEX, uuid(community), List.of(
                new History.Past(p, "MESSAGE_POSTED", twoWeeksAgo), new History.Past(p, "MESSAGE_POSTED", lastWeek),
                new History.Past(p, "REACTION_ADDED", thisWeek.plusSeconds(1)),
                new History.Past(q, "MEMBER_JOINED", twoWeeksAgo), new History.Past(q, "POLL_VOTED", thisWeek.plusSeconds(1)),
                new History.Past(r, "MESSAGE_POSTED", lastWeek),
                new History.Past(s, "MESSAGE_POSTED", thisWeek.minus(28, ChronoUnit.DAYS)), // an older cohort
                new History.Past(s, "MESSAGE_POSTED", lastWeek)));

        var cohorts = GraphQL.raw(globex("manager"), RETENTION, vars("c", community, "n", 3)).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.retention.size()", equalTo(3))
                .body("data.retention.size", contains(2, 1, 0))
                .body("data.retention[0].active", contains(2, 1, 2)) // p and q; p; p and q
                .body("data.retention[1].active", contains(1, 0)) // r
                .body("data.retention[2].active", contains(0))
                .body("data.retention[0].rates", contains(1.0f, 0.5f, 1.0f))
                .extract().<List<String>>path("data.retention.start");
        assertEquals(thisWeek.minus(14, ChronoUnit.DAYS), Instant.parse(cohorts.get(0)));
        GraphQL.raw(globex("manager"), RETENTION, vars("c", community, "n", 53)).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));

        // another tenant neither reads these cohorts nor finds these members in its own
        GraphQL.raw(Tokens.of(Tokens.ACME, "analyst"), RETENTION, vars("c", community, "n", 3)).then().statusCode(200)
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        assertEquals(acmeBefore, acmeCohorts(), "the fixture moved nothing in another tenant's cohorts");
    }

    private static Object acmeCohorts() {
        return GraphQL.raw(Tokens.of(Tokens.ACME, "analyst"), RETENTION, vars("n", 3)).then().statusCode(200)
                .body("errors", nullValue()).extract().path("data.retention");
    }

    @Test
    void topMembersAndTermsOfAPeriod() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Leaders " + UUID.randomUUID()).createId();
        for (String username : List.of("member", "analyst")) {
            run(globex(username), "communityJoin", vars("input", Map.of("communityId", community)))
                    .body("data.communityJoin.userErrors", empty());
        }
        Instant from = Instant.now().minus(1, ChronoUnit.MINUTES);
        String thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Phones", "body", "Battery and camera thread")))
                .extract().path("data.threadCreate.thread.id");
        post("member", thread, "Battery life is awful");
        post("member", thread, "I love this camera");
        String great = post("analyst", thread, "The camera is great");
        run(globex("member"), "messageReact", vars("input", Map.of("messageId", great, "kind", "LIKE")))
                .body("data.messageReact.userErrors", empty());
        Instant to = Instant.now().plus(1, ChronoUnit.MINUTES);

        var top = GraphQL.raw(globex("analyst"), TOP, vars("c", community, "from", from.toString(), "to", to.toString(),
                "n", 4)).then().statusCode(200).body("errors", nullValue());
        // member: joined, opened the thread, posted twice, reacted once; analyst: joined, posted once
        top.body("data.topMembers.displayName.size()", equalTo(2))
                .body("data.topMembers.activities", contains(5, 2))
                .body("data.topMembers.messages", contains(3, 1))
                .body("data.topMembers.reactions", contains(1, 0));
        // "camera" in three messages (one neutral, two positive), "battery" in two (neutral, negative), then one each
        top.body("data.topTerms.term", contains("camera", "battery", "awful", "great"))
                .body("data.topTerms.messages", contains(3, 2, 1, 1))
                .body("data.topTerms[0].sentiment.positive", equalTo(2))
                .body("data.topTerms[0].sentiment.neutral", equalTo(1))
                .body("data.topTerms[1].sentiment.neutral", equalTo(1))
                .body("data.topTerms[1].sentiment.negative", equalTo(1));
        GraphQL.raw(Tokens.of(Tokens.ACME, "analyst"), TOP, vars("c", community, "from", from.toString(), "to",
                to.toString())).then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("NOT_FOUND"));
        GraphQL.raw(globex("analyst"), TOP, vars("c", community, "from", from.toString(), "to", to.toString(), "n", 101))
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        GraphQL.raw(globex("member"), TOP, vars("c", community, "from", from.toString(), "to", to.toString()))
                .then().statusCode(200).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    private static String post(String username, String thread, String body) {
        return run(globex(username), "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                .body("data.messagePost.userErrors", empty())
                .extract().path("data.messagePost.message.id");
    }

    private static UUID uuid(String communityId) {
        return GlobalId.decode(communityId, "Community").orElseThrow();
    }
}
