package io.animo.moderation;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** The moderation report of a period (tenant globex; one fresh community per test for exact counts). */
@QuarkusTest
class ModerationReportGraphQLTest {

    private static final Map<String, Object> PERIOD = Map.of("from", Instant.now().minusSeconds(3600).toString(), "to",
            Instant.now().plusSeconds(3600).toString());

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void countsActionsByReasonRuleAndOutcomeWithTheMedianTimeToDecision() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String community = aCommunity().in(Tokens.GLOBEX).create().get("id").toString();
        for (String username : List.of("member", "analyst")) {
            run(globex(username), "communityJoin", vars("input", Map.of("communityId", community)));
        }
        rule(community, "Hold " + suffix, "hold" + suffix, "HOLD");
        rule(community, "Reject " + suffix, "reject" + suffix, "REJECT");
        String thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Report", "body", "Hello")))
                .extract().path("data.threadCreate.thread.id");
        post(thread, "about hold" + suffix, "HELD");
        post(thread, "about reject" + suffix, "REJECTED");
        String reported = post(thread, "plain words", "PUBLISHED");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", reported, "reason", "Spam")));

        List<String> items = run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .extract().path("data.moderationQueue.edges.node.id");
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", items.get(0), "decision",
                "APPROVE", "sanction", Map.of("kind", "WARN", "reason", "Mind the words"))))
                .body("data.moderationItemDecide.userErrors", empty());
        String warning = run(globex("member"), "sanctions", vars("communityId", community))
                .extract().path("data.sanctions.edges[0].node.id");
        run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", warning, "statement", "It was a quote")))
                .body("data.appealFile.userErrors", empty());
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", items.get(1), "decision",
                "ESCALATE"))).body("data.moderationItemDecide.userErrors", empty());

        run(globex("analyst"), "moderationReport", vars("period", PERIOD, "communityId", community))
                .body("errors", nullValue())
                .body("data.moderationReport.communityId", equalTo(community))
                .body("data.moderationReport.itemsOpened", equalTo(2))
                .body("data.moderationReport.reportsFiled", equalTo(1))
                .body("data.moderationReport.rejectedByRules", equalTo(1))
                .body("data.moderationReport.finalDecisions", equalTo(1))
                .body("data.moderationReport.medianSecondsToDecision", greaterThanOrEqualTo(0f))
                .body("data.moderationReport.byReason.key", containsInAnyOrder("RULE_HOLD", "REPORT", "RULE_REJECT"))
                .body("data.moderationReport.byReason.count", containsInAnyOrder(1, 1, 1))
                .body("data.moderationReport.byRule.key", containsInAnyOrder("Hold " + suffix, "Reject " + suffix))
                .body("data.moderationReport.byOutcome.key", containsInAnyOrder("APPROVED", "ESCALATED"))
                .body("data.moderationReport.sanctionsByKind.key", containsInAnyOrder("WARN"))
                .body("data.moderationReport.appealsByStatus.key", containsInAnyOrder("PENDING"));

        run(globex("admin"), "moderationReport", vars("period", PERIOD))
                .body("data.moderationReport.communityId", nullValue())
                .body("data.moderationReport.itemsOpened", greaterThanOrEqualTo(2));
    }

    @Test
    void anotherTenantSeesNothingOfTheCommunityAndMembersAreRefused() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String community = aCommunity().in(Tokens.GLOBEX).create().get("id").toString();
        run(globex("member"), "communityJoin", vars("input", Map.of("communityId", community)));
        rule(community, "Hold " + suffix, "hold" + suffix, "HOLD");
        String thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Report", "body", "Hello")))
                .extract().path("data.threadCreate.thread.id");
        post(thread, "about hold" + suffix, "HELD");
        run(globex("moderator"), "moderationReport", vars("period", PERIOD, "communityId", community))
                .body("data.moderationReport.itemsOpened", equalTo(1))
                .body("data.moderationReport.medianSecondsToDecision", nullValue());

        run(Tokens.of(Tokens.ACME, "admin"), "moderationReport", vars("period", PERIOD, "communityId", community))
                .body("data.moderationReport.itemsOpened", equalTo(0))
                .body("data.moderationReport.byRule", empty());
        run(globex("member"), "moderationReport", vars("period", PERIOD))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(globex("manager"), "moderationReport", vars("period", Map.of("from", PERIOD.get("to"), "to",
                PERIOD.get("from"))))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", notNullValue());
    }

    private static void rule(String community, String name, String word, String action) {
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule", Map.of("name", name,
                "kind", "KEYWORDS", "keywords", List.of(word), "action", action))))
                .body("data.ruleCreate.userErrors", empty());
    }

    private static String post(String thread, String body, String outcome) {
        return run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                .body("data.messagePost.outcome", equalTo(outcome))
                .extract().path("data.messagePost.message.id");
    }

    @Test
    void someoneWhoHasJoinedNothingYetCanReportAPublicMessage() {
        io.animo.support.TestTenants.Provisioned tenant = io.animo.support.TestTenants.provision("reporter");
        String admin = tenant.adminToken();
        String community = run(admin, "communityCreate", vars("input", Map.of("name", "Open", "slug", "open-"
                + UUID.randomUUID().toString().substring(0, 8), "visibility", "PUBLIC")))
                .body("data.communityCreate.userErrors", empty()).extract().path("data.communityCreate.community.id");
        run(admin, "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty());
        String message = run(admin, "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Hello", "body", "Something rude enough to report")))
                .body("data.threadCreate.userErrors", empty()).extract().path("data.threadCreate.message.id");
        // the second person of the tenant has no member profile yet: the report creates it
        run(tenant.secondToken(), "contentReport", vars("input", Map.of("messageId", message, "reason", "Rude")))
                .body("errors", nullValue()).body("data.contentReport.userErrors", empty());
    }
}
