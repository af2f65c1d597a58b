package io.animo.content;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Posting through the rules, in tenant globex (tenant-wide rules other tests save live in acme). */
@QuarkusTest
class ContentGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void postsArePublishedHeldOrRejectedAsTheCommunityRulesSay() {
        String word = "hold" + UUID.randomUUID().toString().substring(0, 6);
        String banned = "ban" + UUID.randomUUID().toString().substring(0, 6);
        String community = communityWithMembers("member", "moderator");
        rule(community, "Check " + word, "KEYWORDS", Map.of("keywords", List.of(word)), "HOLD");
        rule(community, "No " + banned, "REGEX", Map.of("pattern", banned + "\\d*"), "REJECT");

        Map<String, Object> thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community,
                "kind", "DISCUSSION", "title", "Hello", "body", "A clean first message")))
                .body("data.threadCreate.userErrors", empty())
                .body("data.threadCreate.outcome", equalTo("PUBLISHED"))
                .extract().path("data.threadCreate.thread");
        String threadId = thread.get("id").toString();

        String held = run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId,
                "body", "Please " + word.toUpperCase() + " this")))
                .body("data.messagePost.outcome", equalTo("HELD"))
                .body("data.messagePost.reasons", contains("Check " + word))
                .body("data.messagePost.message.status", equalTo("HELD"))
                .extract().path("data.messagePost.message.id");
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "see " + banned + "42")))
                .body("data.messagePost.outcome", equalTo("REJECTED"))
                .body("data.messagePost.reasons", contains("No " + banned))
                .body("data.messagePost.message", nullValue());

        // a held message is invisible to other members until approved; its author and moderators see it
        run(globex("analyst"), "messages", vars("threadId", threadId))
                .body("data.messages.edges.node.id", not(hasItem(held)))
                .body("data.messages.edges.node.body", contains("A clean first message"));
        run(globex("member"), "messages", vars("threadId", threadId)).body("data.messages.edges.node.id", hasItem(held));
        run(globex("moderator"), "messages", vars("threadId", threadId))
                .body("data.messages.edges.node.status", contains("PUBLISHED", "HELD"));
    }

    @Test
    void aMuteRuleRejectsAndMutesTheAuthor() {
        String word = "mute" + UUID.randomUUID().toString().substring(0, 6);
        String community = communityWithMembers("member");
        Map<String, Object> matcher = new HashMap<>(Map.of("keywords", List.of(word), "muteMinutes", 10));
        rule(community, "Mute on " + word, "KEYWORDS", matcher, "MUTE");
        run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Hi", "body", "you " + word)))
                .body("data.threadCreate.outcome", equalTo("REJECTED"))
                .body("data.threadCreate.thread", nullValue());
        run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Hi again", "body", "harmless")))
                .body("data.threadCreate.userErrors[0].code", equalTo("MUTED"));
        run(globex("analyst"), "threads", vars("communityId", community)).body("data.threads.edges", empty());
    }

    @Test
    void postingNeedsMembershipAndAPostingRole() {
        String community = aCommunity().in(Tokens.GLOBEX).create().get("id").toString();
        run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Hi", "body", "Hello")))
                .body("data.threadCreate.userErrors[0].code", equalTo("NOT_A_MEMBER"));
        run(null, "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Hi", "body", "Hello")))
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
        join("member", community);
        run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "ANNOUNCEMENT",
                "title", "Hi", "body", "Hello")))
                .body("data.threadCreate.userErrors[0].code", equalTo("NOT_ALLOWED"));
        run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "QUESTION",
                "title", "", "body", "x".repeat(10_001))))
                .body("data.threadCreate.userErrors.code", contains("REQUIRED", "TOO_LONG"));
    }

    @Test
    void repliesAreThreadedOneLevel() {
        String community = communityWithMembers("member");
        String threadId = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community,
                "kind", "QUESTION", "title", "How?", "body", "How does it work?")))
                .extract().path("data.threadCreate.thread.id");
        String first = run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "Like this")))
                .extract().path("data.messagePost.message.id");
        String reply = run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "parentId", first,
                "body", "Thanks")))
                .body("data.messagePost.message.parentId", equalTo(first))
                .extract().path("data.messagePost.message.id");
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "parentId", reply, "body", "Deeper")))
                .body("data.messagePost.userErrors[0].code", equalTo("INVALID_PARENT"));
    }

    @Test
    void otherTenantNeitherReadsNorPosts() {
        String community = communityWithMembers("member");
        String threadId = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community,
                "kind", "DISCUSSION", "title", "Globex only", "body", "Internal")))
                .extract().path("data.threadCreate.thread.id");
        String acme = Tokens.of(Tokens.ACME, "admin");
        run(acme, "threads", vars("communityId", community)).body("data.threads.edges", empty());
        run(acme, "messages", vars("threadId", threadId)).body("data.messages.edges", empty());
        run(acme, "messagePost", vars("input", Map.of("threadId", threadId, "body", "Intrusion")))
                .body("data.messagePost.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION", "title", "In",
                "body", "Intrusion")))
                .body("data.threadCreate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex("analyst"), "messages", vars("threadId", threadId)).body("data.messages.edges.node.body",
                contains("Internal"));
    }

    @Test
    void aPrivateCommunitysThreadsAndMessagesAreReadByItsMembersAndTheStaffOnly() {
        String community = aCommunity().in(Tokens.GLOBEX).visibility("PRIVATE").create().get("id").toString();
        join("manager", community);
        var created = run(globex("manager"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Private plans", "body", "Not for everyone"))).extract();
        String thread = created.path("data.threadCreate.thread.id");
        String message = created.path("data.threadCreate.message.id");

        run(globex("manager"), "threads", vars("communityId", community))
                .body("data.threads.edges.node.id", contains(thread));
        run(globex("moderator"), "contentNode", vars("id", thread)).body("data.node.title", equalTo("Private plans"));
        run(globex("moderator"), "contentNode", vars("id", message)).body("data.node.body", equalTo("Not for everyone"));
        run(globex("analyst"), "threads", vars("communityId", community)).body("data.threads.edges", empty());
        run(globex("analyst"), "messages", vars("threadId", thread)).body("data.messages.edges", empty());
        run(globex("analyst"), "contentNode", vars("id", thread)).body("data.node", nullValue());
        run(globex("analyst"), "contentNode", vars("id", message)).body("data.node", nullValue());
        run(Tokens.of(Tokens.ACME, "admin"), "contentNode", vars("id", thread)).body("data.node", nullValue());
        run(Tokens.of(Tokens.ACME, "admin"), "contentNode", vars("id", message)).body("data.node", nullValue());
    }

    @Test
    void aHeldMessageIsANodeOnlyForItsAuthorAndTheModerators() {
        String word = "nodehold" + UUID.randomUUID().toString().substring(0, 6);
        String community = communityWithMembers("member", "analyst");
        rule(community, "Hold " + word, "KEYWORDS", Map.of("keywords", List.of(word)), "HOLD");
        String thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Open", "body", "Fine words"))).extract().path("data.threadCreate.thread.id");
        String held = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body",
                "About " + word))).body("data.messagePost.outcome", equalTo("HELD"))
                .extract().path("data.messagePost.message.id");
        run(globex("member"), "contentNode", vars("id", held)).body("data.node.status", equalTo("HELD"));
        run(globex("moderator"), "contentNode", vars("id", held)).body("data.node.body", equalTo("About " + word));
        run(globex("analyst"), "contentNode", vars("id", held)).body("data.node", nullValue());
        run(globex("analyst"), "contentNode", vars("id", thread)).body("data.node.title", equalTo("Open"));
    }

    @Test
    void invalidMessagesAreRefusedAndNothingIsStored() {
        String community = communityWithMembers("member");
        String thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Checks", "body", "Opening"))).extract().path("data.threadCreate.thread.id");
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "   ")))
                .body("data.messagePost.userErrors[0].code", equalTo("REQUIRED"));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "x".repeat(10_001))))
                .body("data.messagePost.userErrors[0].code", equalTo("TOO_LONG"));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "bell \u0007")))
                .body("data.messagePost.userErrors[0].code", equalTo("INVALID_CHARACTERS"));
        run(globex("analyst"), "messagePost", vars("input", Map.of("threadId", thread, "body", "Not joined")))
                .body("data.messagePost.userErrors[0].code", equalTo("NOT_A_MEMBER"));
        run(globex("member"), "messages", vars("threadId", thread)).body("data.messages.edges.node.body",
                contains("Opening"));
    }

    @Test
    void slowModeCountsMessagesPerCommunityAndReadOnlyStopsReplies() {
        String calm = communityWithMembers("member");
        String slow = communityWithMembers("member");
        String calmThread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", calm, "kind",
                "DISCUSSION", "title", "Calm", "body", "Here"))).extract().path("data.threadCreate.thread.id");
        join("manager", slow);
        String slowThread = run(globex("manager"), "threadCreate", vars("input", Map.of("communityId", slow, "kind",
                "DISCUSSION", "title", "Slow", "body", "There"))).extract().path("data.threadCreate.thread.id");
        run(globex("moderator"), "communityModesSet", vars("input", Map.of("id", slow, "slowModeSeconds", 60)))
                .body("data.communityModesSet.userErrors", empty());
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", calmThread, "body", "elsewhere")))
                .body("data.messagePost.outcome", equalTo("PUBLISHED"));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", slowThread, "body", "first here")))
                .body("data.messagePost.outcome", equalTo("PUBLISHED"));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", slowThread, "body", "second here")))
                .body("data.messagePost.userErrors[0].code", equalTo("SLOW_MODE"));
        run(globex("moderator"), "communityModesSet", vars("input", Map.of("id", calm, "readOnly", true)))
                .body("data.communityModesSet.userErrors", empty());
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", calmThread, "body", "while read-only")))
                .body("data.messagePost.userErrors[0].code", equalTo("READ_ONLY"));
        run(globex("member"), "messages", vars("threadId", calmThread)).body("data.messages.edges.node.body",
                contains("Here", "elsewhere"));
    }

    @Test
    void nobodyRepliesIntoAThreadTheyCannotSee() {
        String word = "heldthread" + UUID.randomUUID().toString().substring(0, 6);
        String community = communityWithMembers("member", "analyst");
        rule(community, "Hold " + word, "KEYWORDS", Map.of("keywords", List.of(word)), "HOLD");
        var held = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "About " + word, "body", "Waiting")))
                .body("data.threadCreate.outcome", equalTo("HELD")).extract();
        String thread = held.path("data.threadCreate.thread.id");
        String opening = held.path("data.threadCreate.message.id");
        run(globex("analyst"), "messagePost", vars("input", Map.of("threadId", thread, "body", "Sneaking in")))
                .body("data.messagePost.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex("analyst"), "messagePost", vars("input", Map.of("threadId", thread, "parentId", opening,
                "body", "Sneaking in")))
                .body("data.messagePost.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex("moderator"), "messages", vars("threadId", thread)).body("data.messages.edges.node.body",
                contains("Waiting"));
    }

    private static String communityWithMembers(String... usernames) {
        return aCommunity().in(Tokens.GLOBEX).joinedBy(usernames).createId();
    }

    private static void join(String username, String community) {
        run(globex(username), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty());
    }

    private static void rule(String community, String name, String kind, Map<String, Object> matcher, String action) {
        Map<String, Object> rule = new HashMap<>(matcher);
        rule.put("name", name);
        rule.put("kind", kind);
        rule.put("action", action);
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule", rule)))
                .body("data.ruleCreate.userErrors", empty());
    }
}
