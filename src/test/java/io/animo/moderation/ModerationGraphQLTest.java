package io.animo.moderation;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.GraphQLWebSocket;
import io.animo.support.QueueItems;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** The moderation queue, in tenant globex (acme carries tenant-wide rules saved by other tests). */
@QuarkusTest
class ModerationGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void heldMessageWaitsInTheQueueAndIsPublishedWhenApproved() {
        String word = "hold" + UUID.randomUUID().toString().substring(0, 6);
        String community = community("member", "analyst");
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule", Map.of("name", "Check it",
                "kind", "KEYWORDS", "keywords", List.of(word), "action", "HOLD"))));
        String thread = thread(community, "Clean start");
        String held = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "about " + word)))
                .body("data.messagePost.outcome", equalTo("HELD"))
                .extract().path("data.messagePost.message.id");

        String item = run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges.node.reason", contains("RULE_HOLD"))
                .body("data.moderationQueue.edges[0].node.ruleNames", equalTo("Check it"))
                .extract().path("data.moderationQueue.edges[0].node.id");
        run(globex("moderator"), "moderationItemClaim", vars("input", Map.of("itemId", item)))
                .body("data.moderationItemClaim.item.status", equalTo("CLAIMED"))
                .body("data.moderationItemClaim.item.claimedBy", equalTo("Moderator Globex"));
        run(globex("manager"), "moderationItemClaim", vars("input", Map.of("itemId", item)))
                .body("data.moderationItemClaim.userErrors[0].code", equalTo("ALREADY_CLAIMED"));
        run(globex("manager"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("ALREADY_CLAIMED"));
        run(globex("analyst"), "messages", vars("threadId", thread)).body("data.messages.edges.node.id", not(hasItem(held)));

        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "APPROVE",
                "note", "Fine in context")))
                .body("data.moderationItemDecide.item.status", equalTo("APPROVED"))
                .body("data.moderationItemDecide.item.message.status", equalTo("PUBLISHED"))
                .body("data.moderationItemDecide.item.decisionNote", equalTo("Fine in context"));
        run(globex("analyst"), "messages", vars("threadId", thread)).body("data.messages.edges.node.id", hasItem(held));
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("ALREADY_DECIDED"));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", held)))
                .body("data.auditLog.edges.node.action", contains("MODERATION_APPROVED"));
    }

    @Test
    void reportsOpenOneItemPerMessageAndRaiseItsPriority() {
        String community = community("member", "analyst", "moderator");
        String thread = thread(community, "Reported");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "Rude words")))
                .extract().path("data.messagePost.message.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Insulting")))
                .body("data.contentReport.report.messageId", equalTo(message))
                .body("data.contentReport.report.reason", equalTo("Insulting"));
        assertEquals("REPORT", QueueItems.open(globex("moderator"), community, message).get("reason"));
        assertEquals(1, QueueItems.open(globex("moderator"), community, message).get("priority"));
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Again")))
                .body("data.contentReport.userErrors[0].code", equalTo("ALREADY_REPORTED"));
        run(globex("moderator"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Agreed")))
                .body("data.contentReport.userErrors", empty());
        Map<String, Object> raised = QueueItems.open(globex("moderator"), community, message);
        assertEquals(2, raised.get("reportCount"));
        assertEquals(2, raised.get("priority"));
        String item = (String) raised.get("id");
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                .body("data.moderationItemDecide.item.message.status", equalTo("REMOVED"));
        run(globex("analyst"), "messages", vars("threadId", thread)).body("data.messages.edges.node.id", not(hasItem(message)));
        run(globex("moderator"), "moderationQueue", vars("communityId", community, "status", "REMOVED"))
                .body("data.moderationQueue.edges.node.id", contains(item));
    }

    @Test
    void escalatedItemsAreDecidedByTenantAdmins() {
        String community = community("member", "analyst");
        String thread = thread(community, "Escalate me");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "Borderline")))
                .extract().path("data.messagePost.message.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Unsure")));
        String item = QueueItems.openId(globex("moderator"), community, message);
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "ESCALATE")))
                .body("data.moderationItemDecide.item.status", equalTo("ESCALATED"));
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("ESCALATED"));
        run(globex("admin"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "APPROVE")))
                .body("data.moderationItemDecide.item.status", equalTo("APPROVED"));
    }

    @Test
    void membersAndAnalystsDoNotModerateAndOtherTenantsSeeNothing() {
        String community = community("member", "analyst");
        String thread = thread(community, "Private matters");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "Hmm")))
                .extract().path("data.messagePost.message.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Spam")));
        String item = QueueItems.openId(globex("moderator"), community, message);
        for (String role : List.of("member", "analyst")) {
            run(globex(role), "moderationQueue", vars("communityId", community))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        String acme = Tokens.of(Tokens.ACME, "moderator");
        run(acme, "moderationQueue", vars("communityId", community)).body("data.moderationQueue.edges", empty());
        run(acme, "moderationItemClaim", vars("input", Map.of("itemId", item)))
                .body("data.moderationItemClaim.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "contentReport", vars("input", Map.of("messageId", message, "reason", "Cross-tenant")))
                .body("data.contentReport.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges[0].node.reportCount", equalTo(1));
    }

    @Test
    void moderatorsSeeTheQueueChangeLiveAndOtherTenantsDoNot() throws Exception {
        String community = community("member", "analyst", "manager");
        String thread = thread(community, "Live queue");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "Watch this")))
                .extract().path("data.messagePost.message.id");
        String elsewhere = community();
        try (GraphQLWebSocket moderator = GraphQLWebSocket.open(globex("moderator"));
                GraphQLWebSocket outsider = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "moderator"));
                GraphQLWebSocket member = GraphQLWebSocket.open(globex("member"));
                GraphQLWebSocket focusedElsewhere = GraphQLWebSocket.open(globex("manager"));
                GraphQLWebSocket outsiderFocused = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "admin"))) {
            for (GraphQLWebSocket socket : List.of(moderator, outsider, member)) {
                socket.awaitAck();
                socket.subscribe("1", "subscription { moderationQueueEvents { type itemId communityId status priority } }");
            }
            focusedElsewhere.awaitAck();
            focusedElsewhere.subscribe("1", "subscription { moderationQueueEvents(communityId: \"" + elsewhere
                    + "\") { type itemId } }");
            outsiderFocused.awaitAck();
            outsiderFocused.subscribe("1", "subscription { moderationQueueEvents(communityId: \"" + community
                    + "\") { type itemId } }");
            Thread.sleep(300);
            run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Odd")));
            String item = QueueItems.openId(globex("moderator"), community, message);
            JsonObject queued = moderator.nextData(10).getJsonObject("data").getJsonObject("moderationQueueEvents");
            assertEquals("QUEUED", queued.getString("type"));
            assertEquals(item, queued.getString("itemId"));
            run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "APPROVE")));
            JsonObject decided = moderator.nextData(10).getJsonObject("data").getJsonObject("moderationQueueEvents");
            assertEquals("DECIDED", decided.getString("type"));
            assertEquals("APPROVED", decided.getString("status"));

            // a report of an approved message puts it back in the queue
            run(globex("manager"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Again")))
                    .body("data.contentReport.userErrors", empty());
            assertEquals(item, QueueItems.openId(globex("moderator"), community, message));
            JsonObject reported = moderator.nextData(10).getJsonObject("data").getJsonObject("moderationQueueEvents");
            assertEquals("REPORTED", reported.getString("type"));
            assertEquals("OPEN", reported.getString("status"));

            assertNull(outsider.nextData(1), "another tenant's moderator hears nothing");
            assertNull(outsiderFocused.nextData(1), "naming a community of another tenant gives nothing either");
            assertNull(focusedElsewhere.nextData(1), "a subscription to one community hears only that community");
            JsonObject refused = member.next(5);
            // refused at subscribe time ("error") or as the stream's first and last result ("next" with errors)
            io.vertx.core.json.JsonArray errors = refused.getValue("payload") instanceof io.vertx.core.json.JsonArray array
                    ? array
                    : refused.getJsonObject("payload").getJsonArray("errors");
            assertEquals("FORBIDDEN", errors.getJsonObject(0).getJsonObject("extensions").getString("code"), refused.encode());
        }
    }

    @Test
    void onlyModeratorsClaimAndBadReportsAndDecisionsChangeNothing() {
        String community = community("member", "analyst");
        String thread = thread(community, "Checks");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "Meh")))
                .extract().path("data.messagePost.message.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "  ")))
                .body("data.contentReport.userErrors[0].code", equalTo("REQUIRED"));
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "x".repeat(501))))
                .body("data.contentReport.userErrors[0].code", equalTo("TOO_LONG"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges", empty());
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Spam")));
        String item = QueueItems.openId(globex("moderator"), community, message);
        for (String refused : List.of("member", "analyst")) {
            run(globex(refused), "moderationItemClaim", vars("input", Map.of("itemId", item)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE",
                "note", "x".repeat(1001))))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("TOO_LONG"));
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "ESCALATE",
                "sanction", Map.of("kind", "WARN", "reason", "Hm"))))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("NOT_ALLOWED"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges.node.status", contains("OPEN"))
                .body("data.moderationQueue.edges.node.claimedBy", contains((Object) null));
    }

    @Test
    void theQueueFiltersByReasonAndOrdersByPriorityOrAge() {
        String word = "queued" + UUID.randomUUID().toString().substring(0, 6);
        String community = community("member", "analyst");
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule", Map.of("name",
                "Hold " + word, "kind", "KEYWORDS", "keywords", List.of(word), "action", "HOLD"))));
        String thread = thread(community, "Order");
        String reported = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body",
                "older and reported"))).extract().path("data.messagePost.message.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", reported, "reason", "Rude")));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "newer " + word)))
                .body("data.messagePost.outcome", equalTo("HELD"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges.node.reason", contains("RULE_HOLD", "REPORT"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community, "orderBy", "AGE"))
                .body("data.moderationQueue.edges.node.reason", contains("REPORT", "RULE_HOLD"));
        run(globex("moderator"), "moderationQueueByReason", vars("communityId", community, "reason", "REPORT"))
                .body("data.moderationQueue.edges.node.reason", contains("REPORT"));
    }

    @Test
    void aPrivateCommunitysMessagesAreReportedOnlyByThoseWhoCanReadThem() {
        String community = aCommunity().in(Tokens.GLOBEX).visibility("PRIVATE").create().get("id").toString();
        run(globex("manager"), "communityJoin", vars("input", Map.of("communityId", community)));
        String thread = run(globex("manager"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Inside", "body", "Private words"))).extract().path("data.threadCreate.message.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", thread, "reason", "Curious")))
                .body("data.contentReport.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges", empty());
    }

    private static String community(String... usernames) {
        return aCommunity().in(Tokens.GLOBEX).joinedBy(usernames).createId();
    }

    private static String thread(String community, String title) {
        return run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", title, "body", "Opening words")))
                .body("data.threadCreate.outcome", equalTo("PUBLISHED"))
                .extract().path("data.threadCreate.thread.id");
    }
}
