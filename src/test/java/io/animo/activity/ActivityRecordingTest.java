package io.animo.activity;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.ActivityLog;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Every member action records one activity for the engagement metrics (ARCHITECTURE §7); refusals record none. */
@QuarkusTest
class ActivityRecordingTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void aMembersJourneyIsRecordedActionByAction() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Activities " + UUID.randomUUID()).create().get("id")
                .toString();
        for (String username : List.of("member", "analyst")) {
            run(globex(username), "communityJoin", vars("input", Map.of("communityId", community)))
                    .body("data.communityJoin.userErrors", empty());
        }
        var thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Journey", "body", "First words"))).extract();
        String threadId = thread.path("data.threadCreate.thread.id");
        String opening = thread.path("data.threadCreate.message.id");
        String reply = run(globex("analyst"), "messagePost", vars("input", Map.of("threadId", threadId, "parentId",
                opening, "body", "A reply"))).extract().path("data.messagePost.message.id");
        run(globex("member"), "messageReact", vars("input", Map.of("messageId", reply, "kind", "LIKE")))
                .body("data.messageReact.userErrors", empty());
        run(globex("analyst"), "messageEdit", vars("input", Map.of("messageId", reply, "body", "A better reply")))
                .body("data.messageEdit.userErrors", empty());
        run(globex("analyst"), "messageDelete", vars("input", Map.of("messageId", reply)))
                .body("data.messageDelete.userErrors", empty());
        var poll = run(globex("member"), "pollCreate", vars("input", Map.of("communityId", community, "title", "Poll",
                "question", "Tea or coffee?", "options", List.of("Tea", "Coffee"), "closesAt",
                Instant.now().plusSeconds(3600).toString()))).extract();
        String pollId = poll.path("data.pollCreate.thread.id");
        String tea = poll.path("data.pollCreate.thread.poll.options[0].id");
        run(globex("analyst"), "pollVote", vars("input", Map.of("threadId", pollId, "optionIds", List.of(tea))))
                .body("data.pollVote.userErrors", empty());
        // refused actions record nothing
        run(globex("member"), "messageReact", vars("input", Map.of("messageId", reply, "kind", "LOVE")))
                .body("data.messageReact.userErrors.code[0]", equalTo("DELETED"));
        run(globex("analyst"), "communityLeave", vars("input", Map.of("communityId", community)))
                .body("data.communityLeave.userErrors", empty());

        assertThat(ActivityLog.kinds(Tokens.GLOBEX, community), containsInAnyOrder("MEMBER_JOINED", "MEMBER_JOINED",
                "THREAD_CREATED", "REPLY_POSTED", "REACTION_ADDED", "MESSAGE_EDITED", "MESSAGE_DELETED",
                "THREAD_CREATED", "POLL_VOTED", "MEMBER_LEFT"));
        assertThat(ActivityLog.kinds(Tokens.ACME, community), empty());
    }
}
