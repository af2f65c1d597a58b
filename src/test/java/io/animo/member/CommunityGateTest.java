package io.animo.member;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.QueueItems;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The one gate (ARCHITECTURE §3, issue 7): who may read, post, react, vote, edit, moderate, own and administer in a
 * community is decided in one place, so the side doors of before stay shut.
 */
@QuarkusTest
class CommunityGateTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    private record Joined(String id, Map<String, String> members) {
    }

    private static Joined community(String... usernames) {
        String id = aCommunity().in(Tokens.GLOBEX).named("Gate " + UUID.randomUUID()).createId();
        Map<String, String> members = new HashMap<>();
        for (String username : usernames) {
            members.put(username, run(globex(username), "communityJoin", vars("input", Map.of("communityId", id)))
                    .body("data.communityJoin.userErrors", empty())
                    .extract().path("data.communityJoin.membership.member.id"));
        }
        return new Joined(id, members);
    }

    private static String thread(String community, String author, String title) {
        return run(globex(author), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", title, "body", "Opening words of " + title)))
                .body("data.threadCreate.userErrors", empty())
                .extract().path("data.threadCreate.thread.id");
    }

    private static String post(String thread, String author, String body) {
        return run(globex(author), "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                .body("data.messagePost.userErrors", empty())
                .extract().path("data.messagePost.message.id");
    }

    @Test
    void nobodyTakesBackAReactionOnAMessageTheyCannotReadNorSeesItsHistoryOrReactions() {
        // a private community: the staff create it and are its only readers besides its members
        String community = aCommunity().in(Tokens.GLOBEX).named("Private " + UUID.randomUUID()).visibility("PRIVATE")
                .by("manager").createId();
        run(globex("manager"), "communityJoin", vars("input", Map.of("communityId", community)));
        String thread = thread(community, "manager", "Board only");
        String message = post(thread, "manager", "Secret plans");
        run(globex("manager"), "messageEdit", vars("input", Map.of("messageId", message, "body", "Secret plans, v2")))
                .body("data.messageEdit.userErrors", empty());
        run(globex("manager"), "messageReact", vars("input", Map.of("messageId", message, "kind", "LIKE")))
                .body("data.messageReact.userErrors", empty());

        for (String outsider : List.of("member", "analyst")) {
            run(globex(outsider), "messageUnreactWithMessage", vars("input", Map.of("messageId", message, "kind", "LIKE")))
                    .body("data.messageUnreact.userErrors.code", contains("NOT_FOUND"))
                    .body("data.messageUnreact.message", nullValue())
                    .body("data.messageUnreact.reactions", empty());
            run(globex(outsider), "messageReact", vars("input", Map.of("messageId", message, "kind", "LOVE")))
                    .body("data.messageReact.userErrors.code", contains("NOT_FOUND"));
        }
        // and another tenant: nothing either
        run(Tokens.of(Tokens.ACME, "admin"), "messageUnreactWithMessage",
                vars("input", Map.of("messageId", message, "kind", "LIKE")))
                .body("data.messageUnreact.userErrors.code", contains("NOT_FOUND"))
                .body("data.messageUnreact.message", nullValue());
    }

    @Test
    void historyIsPagedNewestFirstAndEditsObeySlowMode() {
        Joined c = community("member");
        String thread = thread(c.id(), "member", "Edited a lot");
        String message = post(thread, "member", "v0");
        for (int i = 1; i <= 4; i++) {
            run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "v" + i)))
                    .body("data.messageEdit.userErrors", empty());
        }
        run(globex("member"), "messageHistory", vars("threadId", thread, "first", 2))
                .body("data.messages.edges.find { it.node.id == '" + message + "' }.node.history.body", contains("v3", "v2"));
        run(globex("member"), "messageHistory", vars("threadId", thread, "first", 101))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));

        run(globex("manager"), "communityModesSet", vars("input", Map.of("id", c.id(), "slowModeSeconds", 3600)))
                .body("data.communityModesSet.userErrors", empty());
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "v5")))
                .body("data.messageEdit.userErrors.code", contains("SLOW_MODE"));
        run(globex("member"), "messageHistory", vars("threadId", thread, "first", 100))
                .body("data.messages.edges.find { it.node.id == '" + message + "' }.node.history.body",
                        contains("v3", "v2", "v1", "v0"));
    }

    @Test
    void anArchivedCommunityChangesNoMore() {
        Joined c = community("member", "analyst", "moderator");
        String thread = thread(c.id(), "member", "Before the archive");
        String message = post(thread, "member", "Last words");
        String report = run(globex("member"), "feedbackReportCreate", vars("input", Map.of("communityId", c.id(), "kind",
                "BUG", "title", "Old bug", "body", "Seen before the archive"))).extract()
                .path("data.feedbackReportCreate.report.id");
        String sanction = run(globex("moderator"), "sanctionIssue", vars("input", Map.of("communityId", c.id(), "memberId",
                c.members().get("analyst"), "kind", "WARN", "reason", "Before the archive")))
                .extract().path("data.sanctionIssue.sanction.id");
        run(globex("manager"), "communityArchive", vars("input", Map.of("id", c.id())))
                .body("data.communityArchive.community.status", equalTo("ARCHIVED"));

        String until = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        Map<String, Map<String, Object>> attempts = Map.of(
                "guidelineCreate", Map.of("communityId", c.id(), "title", "New rule", "body", "After the archive"),
                "membershipRoleSet", Map.of("communityId", c.id(), "memberId", c.members().get("member"), "role", "OWNER"),
                "ruleCreate", Map.of("communityId", c.id(), "rule", Map.of("name", "Late", "kind", "KEYWORDS", "keywords",
                        List.of("late"), "action", "FLAG", "severity", "LOW")),
                "sanctionIssue", Map.of("communityId", c.id(), "memberId", c.members().get("member"), "kind", "MUTE",
                        "reason", "After the archive", "until", until),
                "sanctionLift", Map.of("sanctionId", sanction),
                "feedbackReportCreate", Map.of("communityId", c.id(), "kind", "BUG", "title", "New bug", "body", "Late"),
                "feedbackVote", Map.of("id", report),
                "feedbackReportTriage", Map.of("id", report, "status", "CONFIRMED"),
                "messageUnreact", Map.of("messageId", message, "kind", "LIKE"),
                "messageDelete", Map.of("messageId", message));
        attempts.forEach((mutation, input) -> {
            String token = switch (mutation) {
                case "sanctionIssue", "sanctionLift", "feedbackReportTriage" -> globex("moderator");
                case "guidelineCreate", "membershipRoleSet", "ruleCreate" -> globex("manager");
                case "feedbackVote" -> globex("analyst");
                default -> globex("member");
            };
            run(token, mutation, vars("input", input))
                    .body("data." + mutation + ".userErrors.code", hasItem("ARCHIVED"));
        });
        run(globex("analyst"), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement", "Unfair")))
                .body("data.appealFile.userErrors.code", hasItem("ARCHIVED"));
        // and nothing changed
        run(globex("member"), "guidelines", vars("communityId", c.id())).body("data.guidelines.items", empty());
        run(globex("manager"), "rules", vars("communityId", c.id())).body("data.rules", empty());
        run(globex("member"), "feedbackReports", vars("communityId", c.id()))
                .body("data.feedbackReports.edges.node.title", contains("Old bug"))
                .body("data.feedbackReports.edges[0].node.votes", equalTo(0))
                .body("data.feedbackReports.edges[0].node.status", equalTo("NEW"));
        run(globex("moderator"), "sanctions", vars("communityId", c.id()))
                .body("data.sanctions.edges.node.kind", contains("WARN"));
        run(globex("member"), "members", vars("communityId", c.id()))
                .body("data.members.edges.node.role", not(hasItem("OWNER")));
    }

    @Test
    void aSanctionSuspendsAnOwnersAndACommunityModeratorsPowers() {
        Joined c = community("member", "analyst");
        String thread = thread(c.id(), "member", "Governed");
        run(globex("manager"), "membershipRoleSet", vars("input", Map.of("communityId", c.id(), "memberId",
                c.members().get("member"), "role", "OWNER"))).body("data.membershipRoleSet.userErrors", empty());
        run(globex("manager"), "membershipRoleSet", vars("input", Map.of("communityId", c.id(), "memberId",
                c.members().get("analyst"), "role", "MODERATOR"))).body("data.membershipRoleSet.userErrors", empty());
        // in good standing, both use their powers
        run(globex("member"), "threadPin", vars("input", Map.of("threadId", thread, "pinned", true)))
                .body("data.threadPin.thread.pinned", equalTo(true));
        run(globex("analyst"), "threadLock", vars("input", Map.of("threadId", thread, "locked", true)))
                .body("data.threadLock.thread.locked", equalTo(true));

        // a tenant admin bans the owner; a moderator mutes the community moderator
        run(globex("admin"), "sanctionIssue", vars("input", Map.of("communityId", c.id(), "memberId",
                c.members().get("member"), "kind", "BAN", "reason", "Abuse of power")))
                .body("data.sanctionIssue.userErrors", empty());
        run(globex("moderator"), "sanctionIssue", vars("input", Map.of("communityId", c.id(), "memberId",
                c.members().get("analyst"), "kind", "MUTE", "reason", "Cool down", "until",
                Instant.now().plus(1, ChronoUnit.DAYS).toString())))
                .body("data.sanctionIssue.userErrors", empty());

        run(globex("member"), "membershipRoleSet", vars("input", Map.of("communityId", c.id(), "memberId",
                c.members().get("analyst"), "role", "OWNER")))
                .body("data.membershipRoleSet.userErrors.code", contains("NOT_ALLOWED"));
        run(globex("member"), "threadPin", vars("input", Map.of("threadId", thread, "pinned", false)))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(globex("analyst"), "threadLock", vars("input", Map.of("threadId", thread, "locked", false)))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(globex("moderator"), "threads", vars("communityId", c.id()))
                .body("data.threads.edges[0].node.id", equalTo(thread));
    }

    @Test
    void removingAThreadsOpeningMessageHidesTheThread() {
        Joined c = community("member", "analyst");
        String thread = thread(c.id(), "member", "Offensive title " + UUID.randomUUID());
        String opening = run(globex("member"), "messages", vars("threadId", thread))
                .extract().path("data.messages.edges[0].node.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", opening, "reason", "Offensive")))
                .body("data.contentReport.userErrors", empty());
        String item = QueueItems.openId(globex("moderator"), c.id(), opening);
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                .body("data.moderationItemDecide.userErrors", empty());

        run(globex("analyst"), "threads", vars("communityId", c.id())).body("data.threads.edges", empty());
        run(globex("analyst"), "contentNode", vars("id", thread)).body("data.node", nullValue());
        // moderators still see it, as removed
        run(globex("moderator"), "contentNode", vars("id", thread)).body("data.node.status",
                equalTo("REMOVED"));
    }

    @Test
    void aReporterGetsTheirReportBackNotTheModeratorsQueueItem() {
        Joined c = community("member", "analyst");
        String thread = thread(c.id(), "member", "Reported");
        String message = post(thread, "member", "Rude words");
        Map<String, Object> report = run(globex("analyst"), "contentReport", vars("input",
                Map.of("messageId", message, "reason", "Rude")))
                .body("data.contentReport.userErrors", empty())
                .extract().path("data.contentReport.report");
        assertEquals(message, report.get("messageId"));
        assertEquals("Rude", report.get("reason"));
        // the payload type has no queue fields at all: asking for them is a validation error
        io.animo.support.GraphQL.raw(globex("analyst"), "mutation { contentReport(input: {messageId: \"" + message
                + "\", reason: \"x\"}) { item { decisionNote claimedBy ruleNames } } }", Map.of())
                .then().body("errors[0].message", org.hamcrest.Matchers.containsString("item"));
    }
}
