package io.animo.content;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.document;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.animo.support.GraphQLWebSocket;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/** Crisis modes of a community, in tenant globex. */
@QuarkusTest
class CommunityModesTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void slowModeSpacesAMembersMessages() {
        String community = joined();
        modes(community, Map.of("slowModeSeconds", 60)).body("data.communityModesSet.community.slowModeSeconds", equalTo(60));
        post(community, "First").body("data.threadCreate.outcome", equalTo("PUBLISHED"));
        post(community, "Second").body("data.threadCreate.userErrors[0].code", equalTo("SLOW_MODE"));
    }

    @Test
    void preModerationHoldsEveryPostForTheQueue() {
        String community = joined();
        modes(community, Map.of("preModeration", true));
        post(community, "Anything").body("data.threadCreate.outcome", equalTo("HELD"))
                .body("data.threadCreate.reasons", contains("Pre-moderation"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges.node.reason", contains("RULE_HOLD"));
        run(globex("analyst"), "threads", vars("communityId", community)).body("data.threads.edges", empty());
    }

    @Test
    void readOnlyStopsPostingAndEveryModeChangeIsAuditedAndAnnounced() throws Exception {
        String community = joined();
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(globex("member"))) {
            socket.awaitAck();
            socket.subscribe("1", document("communityEvents"));
            Thread.sleep(300);
            modes(community, Map.of("readOnly", true)).body("data.communityModesSet.community.readOnly", equalTo(true));
            JsonObject event = socket.nextData(10);
            assertNotNull(event);
            assertEquals("MODES_CHANGED", event.getJsonObject("data").getJsonObject("communityEvents").getString("type"));
        }
        post(community, "Blocked").body("data.threadCreate.userErrors[0].code", equalTo("READ_ONLY"));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", community)))
                .body("data.auditLog.edges[0].node.action", equalTo("COMMUNITY_MODES_CHANGED"))
                .body("data.auditLog.edges[0].node.summary", equalTo("slow mode 0 s, pre-moderation off, read-only on"));
    }

    @Test
    void onlyStaffAndModeratorsSwitchModesAndOnlyInTheirTenant() {
        String community = joined();
        for (String role : List.of("member", "analyst")) {
            modesAs(globex(role), community, Map.of("readOnly", true)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        modesAs(Tokens.of(Tokens.ACME, "moderator"), community, Map.of("readOnly", true))
                .body("data.communityModesSet.userErrors[0].code", equalTo("NOT_FOUND"));
        modes(community, Map.of("slowModeSeconds", -1)).body("data.communityModesSet.userErrors[0].code",
                equalTo("OUT_OF_RANGE"));
        post(community, "Still open").body("data.threadCreate.outcome", equalTo("PUBLISHED"));
    }

    private static String joined() {
        String community = aCommunity().in(Tokens.GLOBEX).create().get("id").toString();
        run(globex("member"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty());
        return community;
    }

    private static io.restassured.response.ValidatableResponse modes(String community, Map<String, Object> modes) {
        return modesAs(globex("moderator"), community, modes);
    }

    private static io.restassured.response.ValidatableResponse modesAs(String token, String community,
            Map<String, Object> modes) {
        Map<String, Object> input = new java.util.HashMap<>(modes);
        input.put("id", community);
        return run(token, "communityModesSet", vars("input", input));
    }

    private static io.restassured.response.ValidatableResponse post(String community, String title) {
        return run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", title, "body", "Body of " + title)));
    }
}
