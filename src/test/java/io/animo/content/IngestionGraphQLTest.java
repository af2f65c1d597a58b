package io.animo.content;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Content an integration's service account (client credentials of the tenant's animo-integration
 * client, a real Keycloak token) ingests for authors known only by an external handle. Tenant globex.
 */
@QuarkusTest
class IngestionGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void ingestedMessagesGetAnExternalMemberAndPassTheRules() {
        String word = "ingest" + UUID.randomUUID().toString().substring(0, 6);
        String handle = "forum.example.com:jdoe-" + UUID.randomUUID().toString().substring(0, 6);
        String community = community();
        String thread = thread(community);
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule", Map.of("name",
                "Hold " + word, "kind", "KEYWORDS", "keywords", List.of(word), "action", "HOLD"))));

        String author = ingest(Tokens.integration(Tokens.GLOBEX), thread, handle, "Jane Doe", "Love the new release")
                .body("data.messageIngest.userErrors", empty())
                .body("data.messageIngest.outcome", equalTo("PUBLISHED"))
                .extract().path("data.messageIngest.message.authorId");
        ingest(Tokens.integration(Tokens.GLOBEX), thread, handle, "Jane D.", "But the " + word + " is annoying")
                .body("data.messageIngest.outcome", equalTo("HELD"))
                .body("data.messageIngest.reasons", contains("Hold " + word))
                .body("data.messageIngest.message.authorId", equalTo(author));

        run(globex("manager"), "membersWithHandles", vars("communityId", community))
                .body("data.members.edges.find { it.node.member.id == '" + author + "' }.node.member.externalHandle",
                        equalTo(handle))
                .body("data.members.edges.find { it.node.member.id == '" + author + "' }.node.member.displayName",
                        equalTo("Jane D."))
                .body("data.members.edges.find { it.node.member.id == '" + author + "' }.node.role", equalTo("MEMBER"));
        run(globex("member"), "messages", vars("threadId", thread))
                .body("data.messages.edges.node.body", hasItem("Love the new release"))
                .body("data.messages.edges.node.body", not(hasItem("But the " + word + " is annoying")));
    }

    @Test
    void aRedeliveredMessageIsStoredOnce() {
        String community = community();
        String thread = thread(community);
        String delivery = "forum-event-" + UUID.randomUUID();
        String first = ingest(Tokens.integration(Tokens.GLOBEX), thread, "forum:again", "Again", "Only once", delivery)
                .body("data.messageIngest.outcome", equalTo("PUBLISHED"))
                .body("data.messageIngest.clientMutationId", equalTo(delivery))
                .extract().path("data.messageIngest.message.id");
        ingest(Tokens.integration(Tokens.GLOBEX), thread, "forum:again", "Again", "Only once", delivery)
                .body("data.messageIngest.userErrors", empty())
                .body("data.messageIngest.outcome", equalTo("PUBLISHED"))
                .body("data.messageIngest.message.id", equalTo(first));
        run(globex("member"), "messages", vars("threadId", thread))
                .body("data.messages.edges.findAll { it.node.body == 'Only once' }.size()", equalTo(1));
    }

    @Test
    void aBannedHandleCannotBeIngestedAgain() {
        String handle = "forum.example.com:troll-" + UUID.randomUUID().toString().substring(0, 6);
        String community = community();
        String thread = thread(community);
        String author = ingest(Tokens.integration(Tokens.GLOBEX), thread, handle, "Troll", "First words")
                .extract().path("data.messageIngest.message.authorId");
        run(globex("moderator"), "sanctionIssue", vars("input", Map.of("communityId", community, "memberId", author,
                "kind", "BAN", "reason", "Spam from the forum")))
                .body("data.sanctionIssue.userErrors", empty());
        ingest(Tokens.integration(Tokens.GLOBEX), thread, handle, "Troll", "More spam")
                .body("data.messageIngest.userErrors.code", contains("BANNED"))
                .body("data.messageIngest.message", nullValue());
    }

    @Test
    void invalidInputIsRefusedAndWritesNothing() {
        String community = community();
        String thread = thread(community);
        int before = run(globex("manager"), "membersWithHandles", vars("communityId", community))
                .extract().path("data.members.totalCount");
        ingest(Tokens.integration(Tokens.GLOBEX), thread, "has spaces in it", " ", "")
                .body("data.messageIngest.userErrors.code", containsInAnyOrder("INVALID_HANDLE", "REQUIRED", "REQUIRED"))
                .body("data.messageIngest.message", nullValue());
        ingest(Tokens.integration(Tokens.GLOBEX), thread, "x".repeat(201), "Name", "Body")
                .body("data.messageIngest.userErrors.code", contains("TOO_LONG"));
        String elsewhere = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Other", "body", "Other words"))).extract().path("data.threadCreate.message.id");
        run(Tokens.integration(Tokens.GLOBEX), "messageIngest", vars("input", Map.of("threadId", thread, "parentId",
                elsewhere, "externalHandle", "forum:newcomer-" + UUID.randomUUID(), "displayName", "New", "body", "Hi")))
                .body("data.messageIngest.userErrors.code", contains("INVALID_PARENT"));
        run(globex("manager"), "membersWithHandles", vars("communityId", community))
                .body("data.members.totalCount", equalTo(before));
    }

    @Test
    void onlyTheIntegrationRoleIngestsAndOnlyIntoItsOwnTenant() {
        String community = community();
        String thread = thread(community);
        for (String person : List.of("admin", "manager", "moderator", "member")) {
            ingest(globex(person), thread, "forum:someone", "Someone", "Hello")
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("data.messageIngest", nullValue());
        }
        String integration = Tokens.integration(Tokens.GLOBEX);
        run(integration, "threads", vars("communityId", community))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(integration, "messagePost", vars("input", Map.of("threadId", thread, "body", "As a member")))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(integration, "communityJoin", vars("input", Map.of("communityId", community)))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        ingest(Tokens.integration(Tokens.ACME), thread, "forum:intruder", "Intruder", "Hello from acme")
                .body("data.messageIngest.userErrors.code", contains("NOT_FOUND"));
        run(globex("member"), "messages", vars("threadId", thread))
                .body("data.messages.edges.node.body", not(hasItem("Hello from acme")));
        String acmeCommunity = aCommunity().in(Tokens.ACME).create().get("id").toString();
        run(Tokens.of(Tokens.ACME, "manager"), "membersWithHandles", vars("communityId", acmeCommunity))
                .body("data.members.edges.node.member.externalHandle", not(hasItem("forum:intruder")));
    }

    private static io.restassured.response.ValidatableResponse ingest(String token, String thread, String handle,
            String name, String body) {
        return ingest(token, thread, handle, name, body, "c-" + UUID.randomUUID());
    }

    private static io.restassured.response.ValidatableResponse ingest(String token, String thread, String handle,
            String name, String body, String clientMutationId) {
        return run(token, "messageIngest", vars("input", Map.of("threadId", thread, "externalHandle", handle,
                "displayName", name, "body", body, "clientMutationId", clientMutationId)));
    }

    private static String community() {
        return aCommunity().in(Tokens.GLOBEX).joinedBy("member").createId();
    }

    private static String thread(String community) {
        return run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Imported", "body", "From the forum")))
                .extract().path("data.threadCreate.thread.id");
    }
}
