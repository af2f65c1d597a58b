package io.animo.metrics;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.QueueItems;
import io.animo.support.TestTenants;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Engagement series counted from what members do, checked against a fixture worked out by hand. */
@QuarkusTest
class EngagementGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void everyMetricOfAHandMadeFixture() throws InterruptedException {
        String community = aCommunity().in(Tokens.GLOBEX).named("Engagement " + UUID.randomUUID()).create().get("id")
                .toString();
        for (String username : List.of("member", "analyst")) {
            run(globex(username), "communityJoin", vars("input", Map.of("communityId", community)))
                    .body("data.communityJoin.userErrors", empty());
        }
        var question = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "QUESTION", "title", "Export", "body", "How do I export my data to a spreadsheet?"))).extract();
        String thread = question.path("data.threadCreate.thread.id");
        String opening = question.path("data.threadCreate.message.id");
        String answer = run(globex("analyst"), "messagePost", vars("input", Map.of("threadId", thread, "parentId", opening,
                "body", "Thanks for asking, this is great: use the export button"))).extract()
                .path("data.messagePost.message.id");
        String rant = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread,
                "body", "I hate this awful bug"))).extract().path("data.messagePost.message.id");
        run(globex("member"), "messageReact", vars("input", Map.of("messageId", answer, "kind", "LIKE")))
                .body("data.messageReact.userErrors", empty());
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", rant, "reason", "Rude")))
                .body("data.contentReport.userErrors", empty());
        String item = QueueItems.openId(globex("moderator"), community, rant);
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "APPROVE")))
                .body("data.moderationItemDecide.userErrors", empty());
        String memberId = run(globex("member"), "communityJoin", vars("input", Map.of("communityId", community)))
                .extract().path("data.communityJoin.membership.member.id");
        Map<String, Object> warn = new HashMap<>(Map.of("communityId", community, "memberId", memberId, "kind", "WARN",
                "reason", "Mind your words"));
        run(globex("moderator"), "sanctionIssue", vars("input", warn)).body("data.sanctionIssue.userErrors", empty());
        run(globex("analyst"), "communityLeave", vars("input", Map.of("communityId", community)))
                .body("data.communityLeave.userErrors", empty());

        Map<String, Long> total = awaitTotals(globex("analyst"), community, "leaves", 1);
        assertEquals(3, total.get("messages"), "the opening message, the answer and the rant");
        assertEquals(1, total.get("replies"));
        assertEquals(1, total.get("threads"));
        assertEquals(1, total.get("reactions"));
        assertEquals(0, total.get("pollVotes"));
        assertEquals(2, total.get("joins"), "joining again changes nothing");
        assertEquals(1, total.get("leaves"));
        assertEquals(1, total.get("reports"));
        assertEquals(1, total.get("moderationDecisions"));
        assertEquals(1, total.get("sanctions"));
        assertEquals(0, total.get("mentions"));
        assertEquals(1, total.get("positive"), "the answer");
        assertEquals(1, total.get("neutral"), "the question");
        assertEquals(1, total.get("negative"), "the rant");
        assertEquals(2, total.get("activeMembers"), "member and analyst; the moderator's work is not membership");
        assertTrue(total.get("answeredQuestions") == 1, "the question was answered by someone else");
    }

    @Test
    void pointsAreTheBucketsOfTheRangeInTheTimeZoneEmptyOnesIncluded() {
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        Instant to = Instant.parse("2026-03-04T00:00:00Z");
        ValidatableResponse series = run(globex("analyst"), "engagement", vars("from", from.toString(), "to",
                to.toString(), "granularity", "DAY", "timeZone", "Pacific/Kiritimati"))
                .body("errors", nullValue())
                .body("data.engagement.timeZone", equalTo("Pacific/Kiritimati"))
                .body("data.engagement.communityId", nullValue());
        List<String> starts = series.extract().path("data.engagement.points.start");
        // Kiritimati is UTC+14: its days start at 10:00 UTC the day before
        assertEquals(List.of("2026-02-28T10:00:00Z", "2026-03-01T10:00:00Z", "2026-03-02T10:00:00Z",
                "2026-03-03T10:00:00Z"), starts.stream().map(s -> Instant.parse(s).toString()).toList());
        series.body("data.engagement.points.messages", org.hamcrest.Matchers.everyItem(equalTo(0)));
        assertEquals(ZoneId.of("Pacific/Kiritimati").getRules().getOffset(from).getTotalSeconds(), 14 * 3600);
    }

    @Test
    void badRangesAndZonesAreBadRequests() {
        Instant now = Instant.now();
        expectBadRequest(now.toString(), now.minusSeconds(60).toString(), "MINUTE", "UTC");
        expectBadRequest(now.minus(30, ChronoUnit.DAYS).toString(), now.toString(), "MINUTE", "UTC");
        expectBadRequest(now.minusSeconds(3600).toString(), now.toString(), "HOUR", "Mars/Olympus_Mons");
    }

    @Test
    void onlyStaffAndAnalystsReadMetrics() {
        Map<String, Object> range = vars("from", Instant.now().minusSeconds(3600).toString(), "to", Instant.now().toString(),
                "granularity", "HOUR");
        run(globex("member"), "engagement", range).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(null, "engagement", range).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        for (String reader : List.of("admin", "manager", "moderator", "analyst")) {
            run(globex(reader), "engagement", range).body("errors", nullValue());
        }
    }

    @Test
    void anotherTenantNeitherReadsACommunitysMetricsNorSeesThemInItsOwn() throws InterruptedException {
        String acme = aCommunity().in(Tokens.ACME).named("Acme metrics " + UUID.randomUUID()).create().get("id")
                .toString();
        run(Tokens.of(Tokens.ACME, "member"), "communityJoin", vars("input", Map.of("communityId", acme)))
                .body("data.communityJoin.userErrors", empty());
        awaitTotals(Tokens.of(Tokens.ACME, "analyst"), acme, "joins", 1);

        Map<String, Object> range = vars("communityId", acme, "from", Instant.now().minusSeconds(3600).toString(), "to",
                Instant.now().plusSeconds(60).toString(), "granularity", "HOUR");
        run(globex("analyst"), "engagement", range).body("errors[0].extensions.code", equalTo("NOT_FOUND"))
                .body("data", nullValue());
        TestTenants.Provisioned fresh = TestTenants.provision("quiet");
        Map<String, Long> own = totals(run(fresh.adminToken(), "engagement", vars("from",
                Instant.now().minusSeconds(3600).toString(), "to", Instant.now().plusSeconds(60).toString(), "granularity",
                "HOUR")).body("errors", nullValue()));
        assertEquals(0, own.get("joins"), "a new tenant's figures count nothing of another tenant");
        assertEquals(0, own.get("activeMembers"));
    }

    @Test
    void staffSeeWhatTheAnalyserReads() {
        run(globex("analyst"), "sentimentAnalyze", vars("text", "I really love this new release!"))
                .body("errors", nullValue())
                .body("data.sentimentAnalyze.label", equalTo("POSITIVE"))
                .body("data.sentimentAnalyze.language", equalTo("en"))
                .body("data.sentimentAnalyze.contributions.token", org.hamcrest.Matchers.hasItem("love"));
        run(globex("moderator"), "sentimentAnalyze", vars("text", "Franchement, cette mise à jour est nulle et décevante"))
                .body("data.sentimentAnalyze.label", equalTo("NEGATIVE"))
                .body("data.sentimentAnalyze.language", equalTo("fr"));
        run(globex("member"), "sentimentAnalyze", vars("text", "hello")).body("errors[0].extensions.code",
                equalTo("FORBIDDEN"));
        run(globex("analyst"), "sentimentAnalyze", vars("text", "x".repeat(10_001)))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
    }

    private static void expectBadRequest(String from, String to, String granularity, String zone) {
        run(globex("analyst"), "engagement", vars("from", from, "to", to, "granularity", granularity, "timeZone", zone))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("data", nullValue());
    }

    /** The community's totals over the last days, once {@code metric} reached {@code expected} (counting is async). */
    static Map<String, Long> awaitTotals(String token, String community, String metric, long expected)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        Map<String, Long> totals = Map.of();
        while (System.currentTimeMillis() < deadline) {
            totals = totals(run(token, "engagement", vars("communityId", community, "from",
                    Instant.now().minus(2, ChronoUnit.DAYS).toString(), "to", Instant.now().plus(1, ChronoUnit.DAYS).toString(),
                    "granularity", "DAY")).body("errors", nullValue()));
            if (totals.get(metric) >= expected) {
                return totals;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the metrics never counted " + expected + " " + metric + ": " + totals);
    }

    /** Sums the points of a series; activeMembers is the largest of its points, answeredQuestions how many had one. */
    static Map<String, Long> totals(ValidatableResponse response) {
        List<Map<String, Object>> points = response.extract().path("data.engagement.points");
        assertNotNull(points);
        Map<String, Long> totals = new HashMap<>();
        for (String metric : List.of("messages", "replies", "threads", "reactions", "pollVotes", "joins", "leaves",
                "reports", "moderationDecisions", "sanctions", "mentions")) {
            totals.put(metric, points.stream().mapToLong(p -> ((Number) p.get(metric)).longValue()).sum());
        }
        for (String label : List.of("positive", "neutral", "negative")) {
            totals.put(label, points.stream().mapToLong(p -> ((Number) ((Map<?, ?>) p.get("sentiment")).get(label))
                    .longValue()).sum());
        }
        totals.put("activeMembers", points.stream().mapToLong(p -> ((Number) p.get("activeMembers")).longValue()).max()
                .orElse(0));
        totals.put("answeredQuestions", points.stream().filter(p -> p.get("medianFirstReplySeconds") != null).count());
        return totals;
    }
}
