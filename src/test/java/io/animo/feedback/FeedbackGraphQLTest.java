package io.animo.feedback;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class FeedbackGraphQLTest {

    private static String acme(String username) {
        return Tokens.of(Tokens.ACME, username);
    }

    @Test
    void membersReportAndVoteAndStaffTriage() {
        String community = joined("member", "analyst", "moderator");
        String crash = report("member", community, "BUG", "App crashes on login");
        String idea = report("member", community, "SUGGESTION", "Dark mode");
        String again = report("analyst", community, "BUG", "Crash at login");

        run(acme("analyst"), "feedbackVote", vars("input", Map.of("id", idea))).body("data.feedbackVote.report.votes",
                equalTo(1));
        run(acme("moderator"), "feedbackVote", vars("input", Map.of("id", idea))).body("data.feedbackVote.report.votes",
                equalTo(2));
        run(acme("analyst"), "feedbackVote", vars("input", Map.of("id", idea)))
                .body("data.feedbackVote.userErrors[0].code", equalTo("ALREADY_VOTED"));
        run(acme("member"), "feedbackVote", vars("input", Map.of("id", crash)));

        run(acme("member"), "feedbackReports", vars("communityId", community))
                .body("data.feedbackReports.edges.node.id", contains(idea, crash, again));
        run(acme("member"), "feedbackReports", vars("communityId", community, "orderBy", "AGE", "first", 1))
                .body("data.feedbackReports.edges.node.id", contains(again))
                .body("data.feedbackReports.pageInfo.hasNextPage", equalTo(true));

        run(acme("moderator"), "feedbackReportTriage", vars("input", Map.of("id", crash, "status", "CONFIRMED")))
                .body("data.feedbackReportTriage.report.status", equalTo("CONFIRMED"));
        run(acme("moderator"), "feedbackReportTriage", vars("input", Map.of("id", again, "status", "DUPLICATE",
                "duplicateOfId", crash)))
                .body("data.feedbackReportTriage.report.duplicateOfId", equalTo(crash));
        run(acme("moderator"), "feedbackReportTriage", vars("input", Map.of("id", again, "status", "DUPLICATE")))
                .body("data.feedbackReportTriage.userErrors[0].code", equalTo("REQUIRED"));
        // the reporter (and everyone of the tenant) sees the status
        run(acme("member"), "feedbackReports", vars("communityId", community, "status", "CONFIRMED"))
                .body("data.feedbackReports.edges.node.id", contains(crash));
        run(acme("admin"), "auditLog", vars("filter", Map.of("targetId", crash)))
                .body("data.auditLog.edges.node.action", contains("FEEDBACK_CONFIRMED"));
    }

    @Test
    void invalidReportsAndNonStaffTriageAreRefused() {
        String community = joined("member");
        run(acme("member"), "feedbackReportCreate", vars("input", Map.of("communityId", community, "kind", "BUG",
                "title", "", "body", "x")))
                .body("data.feedbackReportCreate.userErrors[0].field", equalTo("input.title"));
        String id = report("member", community, "BUG", "Broken link");
        for (String role : List.of("member", "analyst")) {
            run(acme(role), "feedbackReportTriage", vars("input", Map.of("id", id, "status", "FIXED")))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
    }

    @Test
    void otherTenantNeitherSeesVotesNorTriages() {
        String community = joined("member");
        String id = report("member", community, "BUG", "Acme only");
        String globex = Tokens.of(Tokens.GLOBEX, "admin");
        run(globex, "feedbackReports", vars("communityId", community)).body("data.feedbackReports.edges", empty());
        run(globex, "feedbackVote", vars("input", Map.of("id", id))).body("data.feedbackVote.userErrors[0].code",
                equalTo("NOT_FOUND"));
        run(globex, "feedbackReportTriage", vars("input", Map.of("id", id, "status", "FIXED")))
                .body("data.feedbackReportTriage.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme("member"), "feedbackReports", vars("communityId", community))
                .body("data.feedbackReports.edges[0].node.status", equalTo("NEW"))
                .body("data.feedbackReports.edges[0].node.votes", equalTo(0));
    }

    @Test
    void onlyMembersReportAndAPrivateCommunitysReportsStayInside() {
        String open = joined("member");
        run(acme("analyst"), "feedbackReportCreate", vars("input", Map.of("communityId", open, "kind", "BUG",
                "title", "Not joined", "body", "x")))
                .body("data.feedbackReportCreate.userErrors[0].code", equalTo("NOT_A_MEMBER"));
        run(acme("member"), "feedbackReportCreate", vars("input", Map.of("communityId", open, "kind", "BUG",
                "title", "t".repeat(201), "body", "x")))
                .body("data.feedbackReportCreate.userErrors[0].code", equalTo("TOO_LONG"));
        run(Tokens.of(Tokens.GLOBEX, "admin"), "feedbackReportCreate", vars("input", Map.of("communityId", open,
                "kind", "BUG", "title", "From globex", "body", "x")))
                .body("data.feedbackReportCreate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme("member"), "feedbackReports", vars("communityId", open)).body("data.feedbackReports.edges", empty());

        String closed = aCommunity().visibility("PRIVATE").create().get("id").toString();
        run(acme("manager"), "communityJoin", vars("input", Map.of("communityId", closed)));
        String inside = report("manager", closed, "BUG", "Inside only");
        run(acme("analyst"), "feedbackReports", vars("communityId", closed)).body("data.feedbackReports.edges", empty());
        run(acme("analyst"), "feedbackVote", vars("input", Map.of("id", inside)))
                .body("data.feedbackVote.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme("moderator"), "feedbackReports", vars("communityId", closed))
                .body("data.feedbackReports.edges.node.votes", contains(0));
    }

    private static String joined(String... usernames) {
        return aCommunity().joinedBy(usernames).createId();
    }

    private static String report(String username, String community, String kind, String title) {
        return run(acme(username), "feedbackReportCreate", vars("input", Map.of("communityId", community, "kind", kind,
                "title", title, "body", "Steps: " + title)))
                .body("data.feedbackReportCreate.userErrors", empty())
                .extract().path("data.feedbackReportCreate.report.id");
    }
}
