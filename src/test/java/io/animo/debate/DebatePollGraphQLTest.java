package io.animo.debate;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Debates and polls, in tenant globex (tenant-wide rules other tests save live in acme). */
@QuarkusTest
@SuppressWarnings("unchecked")
class DebatePollGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    private static String unique(String word) {
        return word + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- debates

    @Test
    void moderatorStartsADebateAndRepliesTakeItsSides() {
        String community = communityWithMembers("moderator", "member");
        String pro = unique("Pro");
        String con = unique("Con");
        String theme = unique("Four-day week");
        Map<String, Object> created = run(globex("moderator"), "debateCreate", vars("input", debate(community, theme,
                List.of(pro, con), null, Instant.now().plus(Duration.ofDays(1)))))
                .body("data.debateCreate.userErrors", empty())
                .body("data.debateCreate.outcome", equalTo("PUBLISHED"))
                .body("data.debateCreate.thread.kind", equalTo("DEBATE"))
                .body("data.debateCreate.message.body", equalTo("Opening for " + theme))
                .body("data.debateCreate.thread.debate.theme", equalTo(theme))
                .body("data.debateCreate.thread.debate.state", equalTo("OPEN"))
                .body("data.debateCreate.thread.debate.sides.label", contains(pro, con))
                .extract().path("data.debateCreate.thread");
        String threadId = created.get("id").toString();
        List<String> sides = sideIds(created);

        reply(globex("member"), threadId, sides.get(0), "For, first").body("data.messagePost.userErrors", empty())
                .body("data.messagePost.message.sideId", equalTo(sides.get(0)));
        reply(globex("moderator"), threadId, sides.get(0), "For, second").body("data.messagePost.userErrors", empty());
        reply(globex("member"), threadId, sides.get(1), "Against").body("data.messagePost.userErrors", empty());
        reply(globex("member"), threadId, null, "No side").body("data.messagePost.userErrors", empty())
                .body("data.messagePost.message.sideId", nullValue());

        Map<String, Object> debate = node(globex("member"), community, threadId, "debate");
        assertEquals(List.of(2, 1), ((List<Map<String, Object>>) debate.get("sides")).stream()
                .map(side -> side.get("replyCount")).toList());
        assertEquals("Opening for " + theme, debate.get("openingStatement"));
        assertEquals("OPEN", debate.get("state"));
        assertNull(node(globex("member"), community, threadId, "poll"));
    }

    @Test
    void aReplyTakesOnlyASideOfItsOwnDebate() {
        String community = communityWithMembers("moderator", "member");
        Instant closes = Instant.now().plus(Duration.ofDays(1));
        String first = run(globex("moderator"), "debateCreate", vars("input", debate(community, unique("Theme"),
                List.of(unique("A"), unique("B")), null, closes)))
                .extract().path("data.debateCreate.thread.id");
        Map<String, Object> other = run(globex("moderator"), "debateCreate", vars("input", debate(community,
                unique("Other"), List.of(unique("C"), unique("D")), null, closes)))
                .extract().path("data.debateCreate.thread");
        String otherSide = sideIds(other).get(0);
        reply(globex("member"), first, otherSide, "Wrong side")
                .body("data.messagePost.userErrors[0].code", equalTo("INVALID_SIDE"))
                .body("data.messagePost.userErrors[0].field", equalTo("input.sideId"));
        reply(globex("member"), first, "not-an-id", "Garbage side")
                .body("data.messagePost.userErrors[0].code", equalTo("INVALID_SIDE"));
        String discussion = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community,
                "kind", "DISCUSSION", "title", "Plain", "body", "Plain talk")))
                .extract().path("data.threadCreate.thread.id");
        reply(globex("member"), discussion, otherSide, "Side in a discussion")
                .body("data.messagePost.userErrors[0].code", equalTo("INVALID_SIDE"));
        // a debate without sides takes plain replies
        String sideless = run(globex("moderator"), "debateCreate", vars("input", debate(community, unique("Open"),
                List.of(), null, closes)))
                .body("data.debateCreate.thread.debate.sides", empty())
                .extract().path("data.debateCreate.thread.id");
        reply(globex("member"), sideless, null, "Just my view").body("data.messagePost.userErrors", empty());
        reply(globex("member"), sideless, otherSide, "A side anyway")
                .body("data.messagePost.userErrors[0].code", equalTo("INVALID_SIDE"));
        run(globex("member"), "messages", vars("threadId", first)).body("data.messages.edges", hasSize(1));
    }

    @Test
    void repliesAreAcceptedOnlyWhileTheDebateIsOpen() throws InterruptedException {
        String community = communityWithMembers("manager", "member");
        Instant opens = Instant.now().plus(Duration.ofHours(1));
        Map<String, Object> upcoming = run(globex("manager"), "debateCreate", vars("input", debate(community,
                unique("Later"), List.of(), opens.toString(), opens.plus(Duration.ofHours(1)))))
                .body("data.debateCreate.userErrors", empty())
                .body("data.debateCreate.thread.debate.state", equalTo("UPCOMING"))
                .extract().path("data.debateCreate.thread");
        reply(globex("member"), upcoming.get("id").toString(), null, "Too early")
                .body("data.messagePost.userErrors[0].code", equalTo("DEBATE_NOT_OPEN"));

        Instant closes = Instant.now().plus(Duration.ofSeconds(3));
        String shortTheme = unique("Short");
        String closing = run(globex("manager"), "debateCreate", vars("input", debate(community, shortTheme,
                List.of(), null, closes)))
                .body("data.debateCreate.thread.debate.state", equalTo("OPEN"))
                .extract().path("data.debateCreate.thread.id");
        String inTime = reply(globex("member"), closing, null, "In time")
                .body("data.messagePost.outcome", equalTo("PUBLISHED"))
                .extract().path("data.messagePost.message.id");
        waitUntil(closes);
        reply(globex("member"), closing, null, "Too late")
                .body("data.messagePost.userErrors[0].code", equalTo("DEBATE_CLOSED"));
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", inTime, "body", "Rewritten later")))
                .body("data.messageEdit.userErrors[0].code", equalTo("DEBATE_CLOSED"));
        assertEquals("CLOSED", node(globex("member"), community, closing, "debate").get("state"));
        run(globex("member"), "messages", vars("threadId", closing)).body("data.messages.edges.node.body",
                contains("Opening for " + shortTheme, "In time"));
    }

    @Test
    void debateInputsAreCheckedAndNothingIsWritten() {
        String community = communityWithMembers("moderator");
        Instant now = Instant.now();
        Instant tomorrow = now.plus(Duration.ofDays(1));
        Map<String, Object> input = debate(community, " ", List.of("Yes"), null, tomorrow);
        input.put("openingStatement", "x".repeat(10_001));
        run(globex("moderator"), "debateCreate", vars("input", input))
                .body("data.debateCreate.userErrors.field", contains("input.theme", "input.openingStatement", "input.sides"))
                .body("data.debateCreate.userErrors.code", contains("REQUIRED", "TOO_LONG", "INVALID_COUNT"))
                .body("data.debateCreate.thread", nullValue());
        run(globex("moderator"), "debateCreate", vars("input", debate(community, "t".repeat(301),
                List.of("Same", "same "), null, tomorrow)))
                .body("data.debateCreate.userErrors.code", contains("TOO_LONG", "DUPLICATE"));
        run(globex("moderator"), "debateCreate", vars("input", debate(community, unique("Sides"),
                IntStream.range(0, 7).mapToObj(i -> "Side " + i).toList(), null, tomorrow)))
                .body("data.debateCreate.userErrors.code", contains("INVALID_COUNT"));
        run(globex("moderator"), "debateCreate", vars("input", debate(community, unique("Sides"),
                List.of("ok", "s".repeat(101)), null, tomorrow)))
                .body("data.debateCreate.userErrors.code", contains("TOO_LONG"));
        run(globex("moderator"), "debateCreate", vars("input", debate(community, unique("Window"), List.of(),
                tomorrow.plus(Duration.ofHours(1)).toString(), tomorrow)))
                .body("data.debateCreate.userErrors.code", contains("BEFORE_OPENING"));
        run(globex("moderator"), "debateCreate", vars("input", debate(community, unique("Past"), List.of(), null,
                now.minus(Duration.ofMinutes(1)))))
                .body("data.debateCreate.userErrors.code", hasItem("IN_THE_PAST"));
        run(globex("moderator"), "debateCreate", vars("input", debate(community, unique("Far"), List.of(),
                now.plus(Duration.ofDays(400)).toString(), now.plus(Duration.ofDays(401)))))
                .body("data.debateCreate.userErrors.code", contains("TOO_FAR", "TOO_FAR"));
        run(globex("moderator"), "threads", vars("communityId", community)).body("data.threads.edges", empty());
    }

    @Test
    void onlyTheCommunityTeamStartsDebates() {
        String community = communityWithMembers("member", "analyst", "admin", "manager", "moderator");
        Instant closes = Instant.now().plus(Duration.ofDays(1));
        for (String refused : List.of("member", "analyst")) {
            run(globex(refused), "debateCreate", vars("input", debate(community, unique("No"), List.of(), null, closes)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        for (String allowed : List.of("admin", "manager", "moderator")) {
            run(globex(allowed), "debateCreate", vars("input", debate(community, unique("Yes"), List.of(), null, closes)))
                    .body("data.debateCreate.userErrors", empty())
                    .body("data.debateCreate.thread.kind", equalTo("DEBATE"));
        }
        run(globex("member"), "threads", vars("communityId", community)).body("data.threads.edges", hasSize(3));
        // the plain threadCreate cannot make a debate or a poll without their rows
        run(globex("admin"), "threadCreate", vars("input", Map.of("communityId", community, "kind", "POLL",
                "title", "Sneaky", "body", "No options")))
                .body("data.threadCreate.userErrors[0].code", equalTo("NOT_ALLOWED"));
    }

    // ---- polls

    @Test
    void aMemberAsksAndMembersVoteOnceEachReVoteReplacing() {
        String community = communityWithMembers("member", "moderator");
        String a = unique("Tea");
        String b = unique("Coffee");
        String c = unique("Water");
        Map<String, Object> thread = run(globex("member"), "pollCreate", vars("input", poll(community, List.of(a, b, c),
                false, Instant.now().plus(Duration.ofDays(2)))))
                .body("data.pollCreate.userErrors", empty())
                .body("data.pollCreate.thread.kind", equalTo("POLL"))
                .body("data.pollCreate.message.body", equalTo("Which one?"))
                .body("data.pollCreate.thread.poll.options.label", contains(a, b, c))
                .body("data.pollCreate.thread.poll.options.votes", contains(0, 0, 0))
                .body("data.pollCreate.thread.poll.closed", equalTo(false))
                .extract().path("data.pollCreate.thread");
        String threadId = thread.get("id").toString();
        List<String> options = optionIds(thread);

        vote(globex("member"), threadId, options.get(0)).body("data.pollVote.userErrors", empty())
                .body("data.pollVote.poll.options.votes", contains(1, 0, 0))
                .body("data.pollVote.poll.viewerVotes", contains(options.get(0)));
        vote(globex("moderator"), threadId, options.get(1)).body("data.pollVote.poll.options.votes", contains(1, 1, 0))
                .body("data.pollVote.poll.totalVoters", equalTo(2));
        vote(globex("member"), threadId, options.get(2)).body("data.pollVote.userErrors", empty())
                .body("data.pollVote.poll.options.votes", contains(0, 1, 1))
                .body("data.pollVote.poll.totalVoters", equalTo(2))
                .body("data.pollVote.poll.viewerVotes", contains(options.get(2)));

        // results as every member who sees the thread sees them, with their own choice
        Map<String, Object> seen = node(globex("moderator"), community, threadId, "poll");
        assertEquals(List.of(0, 1, 1), ((List<Map<String, Object>>) seen.get("options")).stream()
                .map(option -> option.get("votes")).toList());
        assertEquals(List.of(options.get(1)), seen.get("viewerVotes"));
        assertEquals(2, seen.get("totalVoters"));
        assertNull(node(globex("moderator"), community, threadId, "debate"));

        // single choice: exactly one option of this poll
        vote(globex("member"), threadId, options.get(0), options.get(1))
                .body("data.pollVote.userErrors[0].code", equalTo("INVALID_OPTION"))
                .body("data.pollVote.poll", nullValue());
        vote(globex("member"), threadId).body("data.pollVote.userErrors[0].code", equalTo("INVALID_OPTION"));
        String otherPoll = run(globex("member"), "pollCreate", vars("input", poll(community, List.of("x", "y"), false,
                Instant.now().plus(Duration.ofDays(2)))))
                .extract().path("data.pollCreate.thread.poll.options[0].id");
        vote(globex("member"), threadId, otherPoll).body("data.pollVote.userErrors[0].code", equalTo("INVALID_OPTION"));
        vote(globex("member"), threadId, "garbage").body("data.pollVote.userErrors[0].code", equalTo("INVALID_OPTION"));
        // refused votes changed nothing
        assertEquals(List.of(options.get(2)), node(globex("member"), community, threadId, "poll").get("viewerVotes"));
    }

    @Test
    void aMultipleChoicePollTakesSeveralDifferentOptions() {
        String community = communityWithMembers("member", "manager");
        Map<String, Object> thread = run(globex("manager"), "pollCreate", vars("input", poll(community,
                List.of("Mon", "Tue", "Wed"), true, Instant.now().plus(Duration.ofDays(2)))))
                .body("data.pollCreate.thread.poll.multipleChoice", equalTo(true))
                .extract().path("data.pollCreate.thread");
        String threadId = thread.get("id").toString();
        List<String> options = optionIds(thread);
        vote(globex("member"), threadId, options.get(0), options.get(2)).body("data.pollVote.userErrors", empty())
                .body("data.pollVote.poll.options.votes", contains(1, 0, 1))
                .body("data.pollVote.poll.viewerVotes", containsInAnyOrder(options.get(0), options.get(2)));
        vote(globex("manager"), threadId, options.get(0), options.get(1), options.get(2))
                .body("data.pollVote.poll.options.votes", contains(2, 1, 2))
                .body("data.pollVote.poll.totalVoters", equalTo(2));
        vote(globex("member"), threadId, options.get(1)).body("data.pollVote.poll.options.votes", contains(1, 2, 1));
        vote(globex("member"), threadId, options.get(0), options.get(0))
                .body("data.pollVote.userErrors[0].code", equalTo("INVALID_OPTION"));
        assertEquals(List.of(1, 2, 1), ((List<Map<String, Object>>) node(globex("member"), community, threadId, "poll")
                .get("options")).stream().map(option -> option.get("votes")).toList());
    }

    @Test
    void simultaneousVotesOfOneMemberLeaveOneVote() throws Exception {
        String community = communityWithMembers("member");
        Map<String, Object> thread = run(globex("member"), "pollCreate", vars("input", poll(community,
                List.of("One", "Two", "Three"), false, Instant.now().plus(Duration.ofDays(1)))))
                .extract().path("data.pollCreate.thread");
        String threadId = thread.get("id").toString();
        List<String> options = optionIds(thread);
        String token = globex("member");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> votes = IntStream.range(0, 12)
                    .mapToObj(i -> pool.submit(() -> vote(token, threadId, options.get(i % 3))
                            .body("errors", nullValue())
                            .extract().<List<String>>path("data.pollVote.userErrors.code")))
                    .toList();
            for (Future<List<String>> vote : votes) {
                List<String> codes = vote.get(60, TimeUnit.SECONDS);
                assertTrue(codes.isEmpty() || codes.equals(List.of("CONCURRENT_VOTE")), codes.toString());
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> seen = node(token, community, threadId, "poll");
        assertEquals(1, seen.get("totalVoters"));
        assertEquals(1, ((List<?>) seen.get("viewerVotes")).size());
        assertEquals(1, ((List<Map<String, Object>>) seen.get("options")).stream()
                .mapToInt(option -> (Integer) option.get("votes")).sum());
    }

    @Test
    void aClosedPollTakesNoVotes() throws InterruptedException {
        String community = communityWithMembers("member");
        Instant closes = Instant.now().plus(Duration.ofSeconds(2));
        Map<String, Object> thread = run(globex("member"), "pollCreate", vars("input", poll(community,
                List.of("Now", "Later"), false, closes)))
                .body("data.pollCreate.userErrors", empty())
                .extract().path("data.pollCreate.thread");
        String threadId = thread.get("id").toString();
        waitUntil(closes);
        vote(globex("member"), threadId, optionIds(thread).get(0))
                .body("data.pollVote.userErrors[0].code", equalTo("POLL_CLOSED"));
        Map<String, Object> seen = node(globex("member"), community, threadId, "poll");
        assertEquals(true, seen.get("closed"));
        assertEquals(0, seen.get("totalVoters"));
    }

    @Test
    void pollInputsAreCheckedAndNothingIsWritten() {
        String community = communityWithMembers("member");
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        run(globex("member"), "pollCreate", vars("input", poll(community, List.of("Only"), false, tomorrow)))
                .body("data.pollCreate.userErrors.code", contains("INVALID_COUNT"))
                .body("data.pollCreate.thread", nullValue());
        run(globex("member"), "pollCreate", vars("input", poll(community,
                IntStream.range(0, 21).mapToObj(i -> "Option " + i).toList(), false, tomorrow)))
                .body("data.pollCreate.userErrors.code", contains("INVALID_COUNT"));
        run(globex("member"), "pollCreate", vars("input", poll(community, List.of("Same", " SAME"), false, tomorrow)))
                .body("data.pollCreate.userErrors.code", contains("DUPLICATE"));
        run(globex("member"), "pollCreate", vars("input", poll(community, List.of("ok", "o".repeat(201)), false,
                tomorrow)))
                .body("data.pollCreate.userErrors.code", contains("TOO_LONG"));
        run(globex("member"), "pollCreate", vars("input", poll(community, List.of("ok", " "), false, tomorrow)))
                .body("data.pollCreate.userErrors.code", contains("REQUIRED"));
        run(globex("member"), "pollCreate", vars("input", poll(community, List.of("a", "b"), false,
                Instant.now().minus(Duration.ofSeconds(5)))))
                .body("data.pollCreate.userErrors.field", contains("input.closesAt"))
                .body("data.pollCreate.userErrors.code", contains("IN_THE_PAST"));
        run(globex("member"), "pollCreate", vars("input", poll(community, List.of("a", "b"), false,
                Instant.now().plus(Duration.ofDays(400)))))
                .body("data.pollCreate.userErrors.code", contains("TOO_FAR"));
        Map<String, Object> blank = poll(community, List.of("a", "b"), false, tomorrow);
        blank.put("question", "");
        blank.put("title", "");
        run(globex("member"), "pollCreate", vars("input", blank))
                .body("data.pollCreate.userErrors.field", contains("input.title", "input.question"));
        run(globex("member"), "threads", vars("communityId", community)).body("data.threads.edges", empty());
    }

    @Test
    void votingNeedsAMemberInGoodStanding() {
        String community = communityWithMembers("member");
        String word = unique("mute").replace("-", "");
        Map<String, Object> thread = run(globex("member"), "pollCreate", vars("input", poll(community,
                List.of("Left", "Right"), false, Instant.now().plus(Duration.ofDays(1)))))
                .extract().path("data.pollCreate.thread");
        String threadId = thread.get("id").toString();
        String option = optionIds(thread).get(0);
        vote(globex("analyst"), threadId, option).body("data.pollVote.userErrors[0].code", equalTo("NOT_A_MEMBER"))
                .body("data.pollVote.userErrors[0].field", equalTo("input.threadId"));
        run(globex("analyst"), "pollCreate", vars("input", poll(community, List.of("a", "b"), false,
                Instant.now().plus(Duration.ofDays(1)))))
                .body("data.pollCreate.userErrors[0].code", equalTo("NOT_A_MEMBER"));

        // a mute rule mutes the member, who then cannot vote either
        Map<String, Object> rule = new HashMap<>(Map.of("name", "Mute on " + word, "kind", "KEYWORDS",
                "keywords", List.of(word), "muteMinutes", 10, "action", "MUTE"));
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule", rule)))
                .body("data.ruleCreate.userErrors", empty());
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "so " + word)))
                .body("data.messagePost.outcome", equalTo("REJECTED"));
        vote(globex("member"), threadId, option).body("data.pollVote.userErrors[0].code", equalTo("MUTED"));
        assertEquals(0, node(globex("member"), community, threadId, "poll").get("totalVoters"));
    }

    // ---- other tenants

    @Test
    void anotherTenantNeitherSeesNorVotesNorReplies() {
        String community = communityWithMembers("member", "moderator");
        Map<String, Object> poll = run(globex("member"), "pollCreate", vars("input", poll(community, List.of("a", "b"),
                false, Instant.now().plus(Duration.ofDays(1)))))
                .extract().path("data.pollCreate.thread");
        Map<String, Object> debate = run(globex("moderator"), "debateCreate", vars("input", debate(community,
                unique("Internal"), List.of("Yes", "No"), null, Instant.now().plus(Duration.ofDays(1)))))
                .extract().path("data.debateCreate.thread");
        String acme = Tokens.of(Tokens.ACME, "admin");
        vote(acme, poll.get("id").toString(), optionIds(poll).get(0))
                .body("data.pollVote.userErrors[0].code", equalTo("NOT_FOUND"))
                .body("data.pollVote.poll", nullValue());
        reply(acme, debate.get("id").toString(), sideIds(debate).get(0), "Intrusion")
                .body("data.messagePost.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "debatesAndPolls", vars("communityId", community)).body("data.threads.edges", empty());
        run(acme, "debateCreate", vars("input", debate(community, unique("In"), List.of(), null,
                Instant.now().plus(Duration.ofDays(1)))))
                .body("data.debateCreate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "pollCreate", vars("input", poll(community, List.of("a", "b"), false,
                Instant.now().plus(Duration.ofDays(1)))))
                .body("data.pollCreate.userErrors[0].code", equalTo("NOT_FOUND"));
        // nothing changed for globex
        assertEquals(0, node(globex("member"), community, poll.get("id").toString(), "poll").get("totalVoters"));
        run(globex("member"), "messages", vars("threadId", debate.get("id").toString()))
                .body("data.messages.edges.node.body", not(hasItem("Intrusion")));
    }

    // ---- helpers

    private static Map<String, Object> debate(String community, String theme, List<String> sides, String opensAt,
            Instant closesAt) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community);
        input.put("title", unique("Debate"));
        input.put("theme", theme);
        input.put("openingStatement", "Opening for " + theme);
        input.put("sides", sides);
        input.put("opensAt", opensAt);
        input.put("closesAt", closesAt.toString());
        return input;
    }

    private static Map<String, Object> poll(String community, List<String> options, boolean multipleChoice,
            Instant closesAt) {
        Map<String, Object> input = new HashMap<>();
        input.put("communityId", community);
        input.put("title", unique("Poll"));
        input.put("question", "Which one?");
        input.put("options", options);
        input.put("multipleChoice", multipleChoice);
        input.put("closesAt", closesAt.toString());
        return input;
    }

    private static io.restassured.response.ValidatableResponse reply(String token, String threadId, String sideId,
            String body) {
        Map<String, Object> input = new HashMap<>(Map.of("threadId", threadId, "body", body));
        input.put("sideId", sideId);
        return run(token, "debateReply", vars("input", input));
    }

    private static io.restassured.response.ValidatableResponse vote(String token, String threadId, String... options) {
        return run(token, "pollVote", vars("input", Map.of("threadId", threadId, "optionIds", List.of(options),
                "clientMutationId", "vote-1")))
                .body("data.pollVote.clientMutationId", equalTo("vote-1"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> sideIds(Map<String, Object> thread) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) thread.get("debate")).get("sides")).stream()
                .map(side -> side.get("id").toString()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<String> optionIds(Map<String, Object> thread) {
        return ((List<Map<String, Object>>) ((Map<String, Object>) thread.get("poll")).get("options")).stream()
                .map(option -> option.get("id").toString()).toList();
    }

    /** The debate or poll of one thread, as the threads connection shows it to this caller. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> node(String token, String community, String threadId, String field) {
        List<Map<String, Object>> nodes = run(token, "debatesAndPolls", vars("communityId", community))
                .body("errors", nullValue())
                .extract().jsonPath().getList("data.threads.edges.node");
        return (Map<String, Object>) nodes.stream().filter(n -> threadId.equals(n.get("id"))).findFirst()
                .orElseThrow(() -> new AssertionError("thread not listed: " + threadId)).get(field);
    }

    private static void waitUntil(Instant instant) throws InterruptedException {
        long millis = Duration.between(Instant.now(), instant).toMillis() + 300;
        if (millis > 0) {
            java.lang.Thread.sleep(millis);
        }
    }

    private static String communityWithMembers(String... usernames) {
        return aCommunity().in(Tokens.GLOBEX).joinedBy(usernames).createId();
    }
}
