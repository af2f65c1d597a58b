package io.animo.platform;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import io.animo.support.Parallel;
import io.animo.support.QueueItems;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** What used to go wrong when two people did the same thing at once, or reused the same key. */
@QuarkusTest
class RacesAndReceiptsTest {

    private static final List<String> PEOPLE = List.of("admin", "manager", "moderator", "analyst", "member");

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void aClientMutationIdIsTheCallersOwnAndBounded() {
        String key = "retry-" + UUID.randomUUID();
        String slug = "mine-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = Map.of("name", "Mine", "slug", slug, "visibility", "PUBLIC", "clientMutationId", key);
        String first = run(globex("manager"), "communityCreate", vars("input", input))
                .body("data.communityCreate.userErrors", empty()).extract().path("data.communityCreate.community.id");
        // the same person retrying gets the same community
        String retried = run(globex("manager"), "communityCreate", vars("input", input))
                .extract().path("data.communityCreate.community.id");
        assertEquals(first, retried);
        // another person with the same key is another request: not someone else's community
        Map<String, Object> theirs = Map.of("name", "Theirs", "slug", slug + "-2", "visibility", "PUBLIC",
                "clientMutationId", key);
        String other = run(globex("admin"), "communityCreate", vars("input", theirs))
                .body("data.communityCreate.userErrors", empty())
                .body("data.communityCreate.community.name", equalTo("Theirs"))
                .extract().path("data.communityCreate.community.id");
        assertNotEquals(first, other);

        Map<String, Object> tooLong = Map.of("name", "Long key", "slug", slug + "-3", "visibility", "PUBLIC",
                "clientMutationId", "k".repeat(201));
        run(globex("manager"), "communityCreate", vars("input", tooLong))
                .body("errors", nullValue())
                .body("data.communityCreate.community", nullValue())
                .body("data.communityCreate.userErrors.code", contains("TOO_LONG"))
                .body("data.communityCreate.userErrors.field", contains("input.clientMutationId"));
        run(globex("manager"), "community", vars("slug", slug + "-3")).body("data.community", nullValue());
    }

    @Test
    void firstReportsOfOneMessageFiledAtOnceAllCount() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Reported at once").joinedBy("member").createId();
        String thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Racy", "body", "Opening"))).extract().path("data.threadCreate.thread.id");
        for (int round = 0; round < 4; round++) {
            String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body",
                    "Report me " + round))).extract().path("data.messagePost.message.id");
            List<Callable<List<Object>>> reports = new ArrayList<>();
            for (String reporter : List.of("admin", "manager", "moderator", "analyst")) {
                reports.add(() -> run(globex(reporter), "contentReport", vars("input", Map.of("messageId", message,
                        "reason", "Bad " + reporter))).extract().path("data.contentReport.userErrors.code"));
            }
            List<List<Object>> errors = Parallel.run(reports);
            assertTrue(errors.stream().allMatch(List::isEmpty), "round " + round + ": " + errors);
            Map<String, Object> item = QueueItems.open(globex("moderator"), community, message);
            assertEquals(4, item.get("reportCount"), "round " + round);
        }
    }

    @Test
    void votesCastAtOnceAllCount() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Voted at once")
                .joinedBy(PEOPLE.toArray(String[]::new)).createId();
        String report = run(globex("member"), "feedbackReportCreate", vars("input", Map.of("communityId", community,
                "kind", "SUGGESTION", "title", "Popular", "body", "Everyone wants it")))
                .extract().path("data.feedbackReportCreate.report.id");
        List<Callable<Object>> votes = new ArrayList<>();
        for (String voter : PEOPLE) {
            votes.add(() -> run(globex(voter), "feedbackVote", vars("input", Map.of("id", report)))
                    .body("errors", nullValue())
                    .body("data.feedbackVote.userErrors", empty())
                    .extract().path("data.feedbackVote.report.votes"));
        }
        Parallel.run(votes);
        run(globex("member"), "feedbackReports", vars("communityId", community))
                .body("data.feedbackReports.edges[0].node.votes", equalTo(PEOPLE.size()));
    }
}
