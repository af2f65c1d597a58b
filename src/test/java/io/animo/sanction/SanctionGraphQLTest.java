package io.animo.sanction;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.animo.support.QueueItems;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Sanctions and appeals, in tenant globex (acme carries tenant-wide rules saved by other tests). */
@QuarkusTest
class SanctionGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void bannedMemberCannotPostUntilTheBanIsLifted() {
        Community c = community("member", "analyst");
        String thread = thread(c.id, "Before the ban");
        Instant until = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String sanction = run(globex("moderator"), "sanctionIssue", vars("input", issue(c.id, c.member("member"), "BAN",
                "Spam, again", until.toString(), "ban-" + UUID.randomUUID())))
                .body("data.sanctionIssue.userErrors", empty())
                .body("data.sanctionIssue.sanction.kind", equalTo("BAN"))
                .body("data.sanctionIssue.sanction.active", equalTo(true))
                .body("data.sanctionIssue.sanction.memberId", equalTo(c.member("member")))
                .body("data.sanctionIssue.sanction.issuedBy", equalTo("Moderator Globex"))
                .extract().path("data.sanctionIssue.sanction.id");
        String answeredUntil = run(globex("moderator"), "sanctions", vars("communityId", c.id))
                .body("data.sanctions.edges.node.id", contains(sanction))
                .extract().path("data.sanctions.edges[0].node.until");
        assertEquals(until, Instant.parse(answeredUntil));

        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("BANNED"))
                .body("data.messagePost.message", nullValue());
        run(globex("member"), "threadCreate", vars("input", Map.of("communityId", c.id, "kind", "DISCUSSION", "title",
                "While banned", "body", "Hello"))).body("data.threadCreate.userErrors[0].code", equalTo("BANNED"));
        run(globex("moderator"), "members", vars("communityId", c.id, "filter", Map.of("status", "BANNED")))
                .body("data.members.edges.node.member.id", contains(c.member("member")));

        run(globex("moderator"), "sanctionLift", vars("input", Map.of("sanctionId", sanction, "note", "Apologised")))
                .body("data.sanctionLift.userErrors", empty())
                .body("data.sanctionLift.sanction.active", equalTo(false))
                .body("data.sanctionLift.sanction.liftedAt", notNullValue())
                .body("data.sanctionLift.sanction.liftedBy", equalTo("Moderator Globex"))
                .body("data.sanctionLift.sanction.liftNote", equalTo("Apologised"));
        run(globex("manager"), "sanctionLift", vars("input", Map.of("sanctionId", sanction)))
                .body("data.sanctionLift.userErrors[0].code", equalTo("ALREADY_LIFTED"));
        post(thread, "member").body("data.messagePost.userErrors", empty())
                .body("data.messagePost.outcome", equalTo("PUBLISHED"));
        run(globex("moderator"), "sanctions", vars("communityId", c.id, "activeOnly", true))
                .body("data.sanctions.edges", empty());
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", sanction)))
                .body("data.auditLog.edges.node.action", contains("SANCTION_LIFTED", "SANCTION_BAN"));
    }

    @Test
    void aBannedMemberCannotReactVoteOrEditEither() {
        Community c = community("member", "analyst");
        String thread = thread(c.id, "Reactions");
        String own = post(thread, "member").extract().path("data.messagePost.message.id");
        String other = post(thread, "analyst").extract().path("data.messagePost.message.id");
        var created = run(globex("analyst"), "pollCreate", vars("input", Map.of("communityId", c.id, "title", "Poll",
                "question", "Which?", "options", List.of("One", "Two"), "closesAt",
                Instant.now().plus(1, ChronoUnit.DAYS).toString())))
                .body("data.pollCreate.userErrors", empty()).extract();
        String poll = created.path("data.pollCreate.thread.id");
        String option = created.path("data.pollCreate.thread.poll.options[0].id");
        issueOk("moderator", c.id, c.member("member"), "BAN", "Trolling", null);

        run(globex("member"), "messageReact", vars("input", Map.of("messageId", other, "kind", "LIKE")))
                .body("data.messageReact.userErrors.code", contains("BANNED"));
        run(globex("member"), "pollVote", vars("input", Map.of("threadId", poll, "optionIds", List.of(option))))
                .body("data.pollVote.userErrors.code", contains("BANNED"));
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", own, "body", "Edited while banned")))
                .body("data.messageEdit.userErrors.code", contains("BANNED"));
        run(globex("analyst"), "messageReact", vars("input", Map.of("messageId", other, "kind", "LIKE")))
                .body("data.messageReact.reactions.find { it.kind == 'LIKE' }.count", equalTo(1));
    }

    @Test
    void aSanctionedModeratorCannotLiftOrOverturnTheirOwnSanction() {
        Community c = community("moderator", "member");
        String sanction = issueOk("manager", c.id, c.member("moderator"), "WARN", "Too harsh with members", null);
        run(globex("moderator"), "sanctionLift", vars("input", Map.of("sanctionId", sanction)))
                .body("data.sanctionLift.userErrors.code", contains("SELF_SANCTION"));
        String appeal = run(globex("moderator"), "appealFile", vars("input", Map.of("sanctionId", sanction,
                "statement", "I was right"))).body("data.appealFile.userErrors", empty())
                .extract().path("data.appealFile.appeal.id");
        run(globex("moderator"), "appealDecide", vars("input", Map.of("appealId", appeal, "decision", "OVERTURN")))
                .body("data.appealDecide.userErrors.code", contains("SELF_SANCTION"));
        run(globex("manager"), "sanctions", vars("communityId", c.id, "activeOnly", true))
                .body("data.sanctions.edges.node.id", contains(sanction));
    }

    @Test
    void aRuleMuteIsASanctionThatLiftingAnotherKeeps() {
        String word = "mutes" + UUID.randomUUID().toString().substring(0, 6);
        Community c = community("member");
        String thread = thread(c.id, "Rule mute");
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", c.id, "rule", Map.of("name",
                "Mute " + word, "kind", "KEYWORDS", "keywords", List.of(word), "action", "MUTE", "muteMinutes", 60))))
                .body("data.ruleCreate.userErrors", empty());
        String warning = issueOk("moderator", c.id, c.member("member"), "WARN", "Watch it", null);
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "say " + word)))
                .body("data.messagePost.outcome", equalTo("REJECTED"));
        run(globex("moderator"), "sanctions", vars("communityId", c.id, "activeOnly", true))
                .body("data.sanctions.edges.node.kind", containsInAnyOrder("MUTE", "WARN"))
                .body("data.sanctions.edges.find { it.node.kind == 'MUTE' }.node.issuedBy", equalTo("Automated rules"));
        run(globex("moderator"), "sanctionLift", vars("input", Map.of("sanctionId", warning)))
                .body("data.sanctionLift.userErrors", empty());
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));
    }

    @Test
    void aMuteThatOutlastsATimedBanStillHolds() throws InterruptedException {
        Community c = community("member");
        String thread = thread(c.id, "Ban then mute");
        issueOk("moderator", c.id, c.member("member"), "MUTE", "Cool down",
                Instant.now().plus(1, ChronoUnit.DAYS).toString());
        issueOk("moderator", c.id, c.member("member"), "BAN", "Short ban", Instant.now().plusSeconds(2).toString());
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("BANNED"));
        Thread.sleep(2_500);
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));
    }

    @Test
    void leavingAndJoiningAgainDoesNotShedABan() {
        Community c = community("member");
        String thread = thread(c.id, "Leave and come back");
        String ban = issueOk("moderator", c.id, c.member("member"), "BAN", "Trolling",
                Instant.now().plus(3, ChronoUnit.DAYS).toString());
        run(globex("member"), "communityLeave", vars("input", Map.of("communityId", c.id)))
                .body("data.communityLeave.userErrors", empty());
        run(globex("member"), "communityJoin", vars("input", Map.of("communityId", c.id)))
                .body("data.communityJoin.userErrors", empty())
                .body("data.communityJoin.membership.status", equalTo("BANNED"));
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("BANNED"));
        run(globex("moderator"), "sanctionLift", vars("input", Map.of("sanctionId", ban)))
                .body("data.sanctionLift.userErrors", empty());
        post(thread, "member").body("data.messagePost.outcome", equalTo("PUBLISHED"));
    }

    @Test
    void aRetriedIssueWithTheSameClientMutationIdSanctionsOnce() {
        Community c = community("member");
        Map<String, Object> input = issue(c.id, c.member("member"), "WARN", "Mind the tone", null,
                "warn-" + UUID.randomUUID());
        String first = run(globex("moderator"), "sanctionIssue", vars("input", input))
                .body("data.sanctionIssue.clientMutationId", equalTo(input.get("clientMutationId")))
                .extract().path("data.sanctionIssue.sanction.id");
        run(globex("moderator"), "sanctionIssue", vars("input", input))
                .body("data.sanctionIssue.sanction.id", equalTo(first));
        run(globex("moderator"), "sanctions", vars("communityId", c.id)).body("data.sanctions.edges.node.id", contains(first));
    }

    @Test
    void mutedMemberCannotPostAndAPermanentBanOutlivesTheMuteUntilLifted() {
        Community c = community("member");
        String thread = thread(c.id, "Mute then ban");
        String mute = issueOk("manager", c.id, c.member("member"), "MUTE", "Cool down",
                Instant.now().plus(1, ChronoUnit.HOURS).toString());
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));

        String ban = run(globex("admin"), "sanctionIssue", vars("input", issue(c.id, c.member("member"), "BAN",
                "Threats", null, null)))
                .body("data.sanctionIssue.sanction.until", nullValue())
                .body("data.sanctionIssue.sanction.active", equalTo(true))
                .extract().path("data.sanctionIssue.sanction.id");
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("BANNED"));
        run(globex("moderator"), "sanctions", vars("communityId", c.id, "activeOnly", true))
                .body("data.sanctions.edges.node.id", contains(ban, mute));

        run(globex("moderator"), "sanctionLift", vars("input", Map.of("sanctionId", ban)))
                .body("data.sanctionLift.userErrors", empty());
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));
        run(globex("moderator"), "sanctionLift", vars("input", Map.of("sanctionId", mute)))
                .body("data.sanctionLift.userErrors", empty());
        post(thread, "member").body("data.messagePost.outcome", equalTo("PUBLISHED"));
    }

    @Test
    void aModerationDecisionSanctionsTheAuthor() {
        Community c = community("member", "analyst");
        String thread = thread(c.id, "Reported then sanctioned");
        String item = reportedItem(c.id, thread, "Insulting words");

        Map<String, Object> badDecision = new HashMap<>(Map.of("itemId", item, "decision", "REMOVE", "sanction",
                Map.of("kind", "WARN", "reason", "Insults", "until", Instant.now().plus(1, ChronoUnit.DAYS).toString())));
        run(globex("moderator"), "moderationItemDecide", vars("input", badDecision))
                .body("data.moderationItemDecide.item", nullValue())
                .body("data.moderationItemDecide.userErrors[0].field", equalTo("input.sanction.until"))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("UNTIL_NOT_ALLOWED"));
        run(globex("moderator"), "moderationQueue", vars("communityId", c.id))
                .body("data.moderationQueue.edges.node.id", contains(item));
        run(globex("moderator"), "sanctions", vars("communityId", c.id)).body("data.sanctions.edges", empty());

        Instant until = Instant.now().plus(2, ChronoUnit.HOURS);
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE", "note",
                "Insults", "sanction", Map.of("kind", "MUTE", "reason", "Insulting another member", "until",
                        until.toString()))))
                .body("data.moderationItemDecide.userErrors", empty())
                .body("data.moderationItemDecide.item.status", equalTo("REMOVED"));
        run(globex("moderator"), "sanctions", vars("communityId", c.id, "memberId", c.member("member")))
                .body("data.sanctions.edges.node.kind", contains("MUTE"))
                .body("data.sanctions.edges[0].node.moderationItemId", equalTo(item))
                .body("data.sanctions.edges[0].node.reason", equalTo("Insulting another member"));
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));
    }

    @Test
    void aModerationDecisionCannotSanctionWhomTheModeratorMayNotSanction() {
        Community c = community("member", "analyst", "moderator");
        String thread = thread(c.id, "Owner talks");
        run(globex("manager"), "membershipRoleSet", vars("input", Map.of("communityId", c.id, "memberId",
                c.member("member"), "role", "OWNER"))).body("data.membershipRoleSet.userErrors", empty());
        String item = reportedItem(c.id, thread, "Owner spam");
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE",
                "sanction", Map.of("kind", "WARN", "reason", "Spam"))))
                .body("data.moderationItemDecide.userErrors[0].code", equalTo("NOT_ALLOWED"));
        run(globex("moderator"), "moderationQueue", vars("communityId", c.id))
                .body("data.moderationQueue.edges.node.status", contains("OPEN"));
        run(globex("moderator"), "sanctions", vars("communityId", c.id)).body("data.sanctions.edges", empty());
    }

    @Test
    void invalidSanctionsAreRefusedAndNothingIsWritten() {
        Community c = community("member", "moderator", "analyst");
        Community other = community("admin");
        String member = c.member("member");
        String inFuture = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        expectRefused("moderator", issue(c.id, member, "WARN", "  ", null, null), "input.reason", "REQUIRED");
        expectRefused("moderator", issue(c.id, member, "WARN", "x".repeat(501), null, null), "input.reason", "TOO_LONG");
        expectRefused("moderator", issue(c.id, member, "MUTE", "Loud", null, null), "input.until", "UNTIL_REQUIRED");
        expectRefused("moderator", issue(c.id, member, "MUTE", "Loud", Instant.now().minusSeconds(60).toString(), null),
                "input.until", "UNTIL_IN_PAST");
        expectRefused("moderator", issue(c.id, member, "BAN", "Loud", Instant.now().minusSeconds(60).toString(), null),
                "input.until", "UNTIL_IN_PAST");
        expectRefused("moderator", issue(c.id, member, "WARN", "Loud", inFuture, null), "input.until", "UNTIL_NOT_ALLOWED");
        expectRefused("moderator", issue(c.id, member, "BAN", "Loud",
                Instant.now().plus(3660 * 11, ChronoUnit.DAYS).toString(), null), "input.until", "UNTIL_TOO_FAR");
        expectRefused("moderator", issue(c.id, other.member("admin"), "WARN", "Stranger", null, null), "input.memberId",
                "NOT_A_MEMBER");
        expectRefused("moderator", issue(c.id, c.member("moderator"), "WARN", "Myself", null, null), "input.memberId",
                "SELF_SANCTION");
        run(globex("manager"), "membershipRoleSet", vars("input", Map.of("communityId", c.id, "memberId", member, "role",
                "OWNER"))).body("data.membershipRoleSet.userErrors", empty());
        expectRefused("moderator", issue(c.id, member, "BAN", "Owner", null, null), "input.memberId", "NOT_ALLOWED");
        expectRefused("manager", issue(c.id, member, "BAN", "Owner", null, null), "input.memberId", "NOT_ALLOWED");

        run(globex("moderator"), "sanctions", vars("communityId", c.id)).body("data.sanctions.edges", empty());
        run(globex("moderator"), "sanctions", vars("communityId", other.id)).body("data.sanctions.edges", empty());
        String thread = thread(c.id, "Still talking");
        post(thread, "member").body("data.messagePost.outcome", equalTo("PUBLISHED"));

        String warning = issueOk("admin", c.id, member, "WARN", "Owners too", null);
        run(globex("moderator"), "sanctions", vars("communityId", c.id)).body("data.sanctions.edges.node.id",
                contains(warning));
        post(thread, "member").body("data.messagePost.outcome", equalTo("PUBLISHED"));
    }

    @Test
    void onlyStaffSanctionAndMembersSeeOnlyTheirOwnSanctions() {
        Community c = community("member", "analyst");
        String member = c.member("member");
        String sanction = issueOk("moderator", c.id, member, "WARN", "First warning", null);
        for (String role : List.of("admin", "manager")) {
            issueOk(role, c.id, member, "WARN", "Warning by " + role, null);
        }
        for (String role : List.of("member", "analyst")) {
            run(globex(role), "sanctionIssue", vars("input", issue(c.id, c.member("analyst"), "WARN", "No", null, null)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "sanctionLift", vars("input", Map.of("sanctionId", sanction)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "appeals", vars("communityId", c.id)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "appealDecide", vars("input", Map.of("appealId", sanction, "decision", "OVERTURN")))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(globex("moderator"), "sanctions", vars("communityId", c.id))
                .body("data.sanctions.edges.node.reason", contains("Warning by manager", "Warning by admin",
                        "First warning"));
        run(globex("member"), "sanctions", vars("communityId", c.id, "first", 2))
                .body("data.sanctions.edges.node.reason", contains("Warning by manager", "Warning by admin"))
                .body("data.sanctions.pageInfo.hasNextPage", equalTo(true));
        run(globex("analyst"), "sanctions", vars("communityId", c.id)).body("data.sanctions.edges", empty());
        run(globex("analyst"), "sanctions", vars("communityId", c.id, "memberId", member))
                .body("data.sanctions.edges", empty());

        run(globex("member"), "sanctionNode", vars("id", sanction)).body("data.node.id", equalTo(sanction))
                .body("data.node.reason", equalTo("First warning"));
        run(globex("analyst"), "sanctionNode", vars("id", sanction)).body("data.node", nullValue());
        run(globex("moderator"), "sanctionNode", vars("id", sanction)).body("data.node.kind", equalTo("WARN"));
    }

    @Test
    void theSanctionedMemberAppealsOnceAndAnotherModeratorOverturnsIt() {
        Community c = community("member", "analyst");
        String thread = thread(c.id, "Appeal me");
        String sanction = issueOk("moderator", c.id, c.member("member"), "MUTE", "Shouting",
                Instant.now().plus(1, ChronoUnit.DAYS).toString());
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));

        for (String role : List.of("analyst", "moderator", "admin")) {
            run(globex(role), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement", "Not me")))
                    .body("data.appealFile.userErrors[0].code", equalTo("NOT_FOUND"));
        }
        run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement", " ")))
                .body("data.appealFile.userErrors[0].code", equalTo("REQUIRED"));
        run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement", "y".repeat(2001))))
                .body("data.appealFile.userErrors[0].code", equalTo("TOO_LONG"));
        run(globex("moderator"), "appeals", vars("communityId", c.id)).body("data.appeals.edges", empty());

        String appeal = run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement",
                "I was quoting someone", "clientMutationId", "appeal-1")))
                .body("data.appealFile.userErrors", empty())
                .body("data.appealFile.clientMutationId", equalTo("appeal-1"))
                .body("data.appealFile.appeal.status", equalTo("PENDING"))
                .body("data.appealFile.appeal.sanctionId", equalTo(sanction))
                .extract().path("data.appealFile.appeal.id");
        run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement", "Again")))
                .body("data.appealFile.userErrors[0].code", equalTo("ALREADY_APPEALED"));
        run(globex("manager"), "appealDecide", vars("input", Map.of("appealId", appeal, "decision", "OVERTURN",
                "note", "n".repeat(1001))))
                .body("data.appealDecide.userErrors[0].code", equalTo("TOO_LONG"));
        run(globex("manager"), "sanctionLift", vars("input", Map.of("sanctionId", sanction, "note", "n".repeat(1001))))
                .body("data.sanctionLift.userErrors[0].code", equalTo("TOO_LONG"));
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));
        run(globex("member"), "sanctions", vars("communityId", c.id))
                .body("data.sanctions.edges[0].node.appeal.id", equalTo(appeal))
                .body("data.sanctions.edges[0].node.appeal.status", equalTo("PENDING"));
        run(globex("member"), "sanctionNode", vars("id", appeal)).body("data.node.status", equalTo("PENDING"));
        run(globex("analyst"), "sanctionNode", vars("id", appeal)).body("data.node", nullValue());
        run(globex("manager"), "appeals", vars("communityId", c.id, "status", "PENDING"))
                .body("data.appeals.edges.node.id", contains(appeal))
                .body("data.appeals.edges[0].node.statement", equalTo("I was quoting someone"));

        run(globex("moderator"), "appealDecide", vars("input", Map.of("appealId", appeal, "decision", "OVERTURN")))
                .body("data.appealDecide.appeal", nullValue())
                .body("data.appealDecide.userErrors[0].code", equalTo("SAME_MODERATOR"))
                .body("data.appealDecide.userErrors[0].message",
                        equalTo("An appeal is decided by someone other than the moderator who issued the sanction."));
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("MUTED"));

        run(globex("manager"), "appealDecide", vars("input", Map.of("appealId", appeal, "decision", "OVERTURN", "note",
                "Quoting is fine")))
                .body("data.appealDecide.userErrors", empty())
                .body("data.appealDecide.appeal.status", equalTo("OVERTURNED"))
                .body("data.appealDecide.appeal.decidedBy", notNullValue())
                .body("data.appealDecide.appeal.decisionNote", equalTo("Quoting is fine"));
        run(globex("admin"), "appealDecide", vars("input", Map.of("appealId", appeal, "decision", "UPHOLD")))
                .body("data.appealDecide.userErrors[0].code", equalTo("ALREADY_DECIDED"));
        run(globex("member"), "sanctions", vars("communityId", c.id))
                .body("data.sanctions.edges[0].node.active", equalTo(false))
                .body("data.sanctions.edges[0].node.liftedAt", notNullValue())
                .body("data.sanctions.edges[0].node.appeal.status", equalTo("OVERTURNED"));
        post(thread, "member").body("data.messagePost.outcome", equalTo("PUBLISHED"));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", appeal)))
                .body("data.auditLog.edges.node.action", contains("APPEAL_OVERTURNED", "APPEAL_FILED"));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", sanction)))
                .body("data.auditLog.edges.node.action", contains("SANCTION_LIFTED", "SANCTION_MUTE"));
    }

    @Test
    void anUpheldAppealKeepsTheSanctionAndALiftedSanctionCannotBeAppealed() {
        Community c = community("member");
        String thread = thread(c.id, "Upheld");
        String ban = issueOk("manager", c.id, c.member("member"), "BAN", "Harassment",
                Instant.now().plus(7, ChronoUnit.DAYS).toString());
        String appeal = run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", ban, "statement",
                "Please"))).extract().path("data.appealFile.appeal.id");
        run(globex("moderator"), "appealDecide", vars("input", Map.of("appealId", appeal, "decision", "UPHOLD", "note",
                "Stands")))
                .body("data.appealDecide.appeal.status", equalTo("UPHELD"));
        post(thread, "member").body("data.messagePost.userErrors[0].code", equalTo("BANNED"));
        run(globex("moderator"), "sanctions", vars("communityId", c.id, "activeOnly", true))
                .body("data.sanctions.edges.node.id", contains(ban));
        run(globex("moderator"), "appeals", vars("communityId", c.id, "status", "PENDING"))
                .body("data.appeals.edges", empty());
        run(globex("moderator"), "appeals", vars("communityId", c.id, "status", "UPHELD"))
                .body("data.appeals.edges.node.id", contains(appeal));

        String warning = issueOk("moderator", c.id, c.member("member"), "WARN", "Noted", null);
        run(globex("manager"), "sanctionLift", vars("input", Map.of("sanctionId", warning)))
                .body("data.sanctionLift.userErrors", empty());
        run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", warning, "statement", "Unfair")))
                .body("data.appealFile.userErrors[0].code", equalTo("ALREADY_LIFTED"));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", appeal)))
                .body("data.auditLog.edges.node.action", contains("APPEAL_UPHELD", "APPEAL_FILED"));
    }

    @Test
    void concurrentAppealsOfOneSanctionFileOne() {
        Community c = community("member");
        String sanction = issueOk("moderator", c.id, c.member("member"), "WARN", "Race", null);
        String token = globex("member");
        List<CompletableFuture<List<String>>> attempts = IntStream.range(0, 4)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> run(token, "appealFile", vars("input",
                        Map.of("sanctionId", sanction, "statement", "Attempt " + i))).extract()
                        .<List<String>>path("data.appealFile.userErrors.code")))
                .toList();
        List<String> outcomes = attempts.stream().map(CompletableFuture::join)
                .map(codes -> codes.isEmpty() ? "FILED" : codes.get(0)).toList();
        assertEquals(1, outcomes.stream().filter("FILED"::equals).count(), outcomes.toString());
        assertEquals(3, outcomes.stream().filter("ALREADY_APPEALED"::equals).count(), outcomes.toString());
        run(globex("moderator"), "appeals", vars("communityId", c.id)).body("data.appeals.edges.size()", equalTo(1));
    }

    @Test
    void anotherTenantCannotSeeLiftAppealOrDecideSanctions() {
        Community c = community("member");
        String sanction = issueOk("moderator", c.id, c.member("member"), "BAN", "Cross-tenant", null);
        String appeal = run(globex("member"), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement",
                "Mine"))).extract().path("data.appealFile.appeal.id");

        String acme = Tokens.of(Tokens.ACME, "admin");
        run(acme, "sanctions", vars("communityId", c.id)).body("data.sanctions.edges", empty());
        run(acme, "appeals", vars("communityId", c.id)).body("data.appeals.edges", empty());
        run(acme, "sanctionLift", vars("input", Map.of("sanctionId", sanction)))
                .body("data.sanctionLift.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "appealDecide", vars("input", Map.of("appealId", appeal, "decision", "OVERTURN")))
                .body("data.appealDecide.userErrors[0].code", equalTo("NOT_FOUND"));
        run(Tokens.of(Tokens.ACME, "member"), "appealFile", vars("input", Map.of("sanctionId", sanction, "statement",
                "Cross")))
                .body("data.appealFile.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "sanctionIssue", vars("input", issue(c.id, c.member("member"), "WARN", "Cross", null, null)))
                .body("data.sanctionIssue.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "sanctionNode", vars("id", sanction)).body("data.node", nullValue());
        run(acme, "sanctionNode", vars("id", appeal)).body("data.node", nullValue());

        run(globex("moderator"), "sanctions", vars("communityId", c.id))
                .body("data.sanctions.edges.node.id", contains(sanction))
                .body("data.sanctions.edges[0].node.active", equalTo(true))
                .body("data.sanctions.edges[0].node.reason", equalTo("Cross-tenant"))
                .body("data.sanctions.edges[0].node.appeal.status", equalTo("PENDING"));
        run(globex("moderator"), "sanctionNode", vars("id", appeal)).body("data.node.status", equalTo("PENDING"));
    }

    // --- helpers ---

    /** A community of globex with the given people joined; their member ids by username. */
    private record Community(String id, Map<String, String> members) {

        String member(String username) {
            return members.get(username);
        }
    }

    private static Community community(String... usernames) {
        String id = aCommunity().in(Tokens.GLOBEX).named("Sanctions " + UUID.randomUUID()).create().get("id").toString();
        Map<String, String> members = new HashMap<>();
        for (String username : usernames) {
            String member = run(globex(username), "communityJoin", vars("input", Map.of("communityId", id)))
                    .body("data.communityJoin.userErrors", empty())
                    .extract().path("data.communityJoin.membership.member.id");
            members.put(username, member);
        }
        return new Community(id, members);
    }

    private static String thread(String community, String title) {
        return run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", title + " " + UUID.randomUUID(), "body", "Opening words")))
                .body("data.threadCreate.outcome", equalTo("PUBLISHED"))
                .extract().path("data.threadCreate.thread.id");
    }

    private static io.restassured.response.ValidatableResponse post(String thread, String username) {
        return run(globex(username), "messagePost", vars("input", Map.of("threadId", thread, "body",
                "Words " + UUID.randomUUID())));
    }

    /** A message of the member in the thread, reported by the analyst: its queue item id. */
    private static String reportedItem(String community, String thread, String body) {
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                .body("data.messagePost.outcome", equalTo("PUBLISHED"))
                .extract().path("data.messagePost.message.id");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "Rude")))
                .body("data.contentReport.userErrors", empty());
        return QueueItems.openId(globex("moderator"), community, message);
    }

    private static Map<String, Object> issue(String community, String member, String kind, String reason, String until,
            String clientMutationId) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community);
        input.put("memberId", member);
        input.put("kind", kind);
        input.put("reason", reason);
        input.put("until", until);
        input.put("clientMutationId", clientMutationId);
        return input;
    }

    private static String issueOk(String username, String community, String member, String kind, String reason,
            String until) {
        return run(globex(username), "sanctionIssue", vars("input", issue(community, member, kind, reason, until, null)))
                .body("errors", nullValue())
                .body("data.sanctionIssue.userErrors", empty())
                .body("data.sanctionIssue.sanction.kind", equalTo(kind))
                .extract().path("data.sanctionIssue.sanction.id");
    }

    private static void expectRefused(String username, Map<String, Object> input, String field, String code) {
        run(globex(username), "sanctionIssue", vars("input", input))
                .body("data.sanctionIssue.sanction", nullValue())
                .body("data.sanctionIssue.userErrors.field", hasItems(field))
                .body("data.sanctionIssue.userErrors.code", containsInAnyOrder(code));
    }
}
