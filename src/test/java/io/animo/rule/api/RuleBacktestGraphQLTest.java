package io.animo.rule.api;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.QueueItems;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Backtesting a rule over a community's messages before switching it on (tenant globex). */
@QuarkusTest
class RuleBacktestGraphQLTest {

    private static final String SINCE = Instant.now().minusSeconds(3600).toString();

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void draftAndSavedRulesCountWhatTheyWouldHaveCaughtWithExamples() {
        String word = "spoiler" + UUID.randomUUID().toString().substring(0, 6);
        String community = community();
        String thread = post(community, null, "Welcome everyone");
        String first = post(community, thread, "The " + word + " is out");
        post(community, thread, "Nothing to see");
        String second = post(community, thread, "Another " + word.toUpperCase() + "!");
        String removed = post(community, thread, "Plain rude text");
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", removed, "reason", "Rude")));
        String item = QueueItems.openId(globex("moderator"), community, removed);
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "REMOVE")))
                .body("data.moderationItemDecide.userErrors", empty());

        Map<String, Object> draft = keywordRule(word, "HOLD");
        run(globex("moderator"), "ruleBacktest", vars("input", Map.of("rule", draft, "communityId", community,
                "since", SINCE)))
                .body("data.ruleBacktest.userErrors", empty())
                .body("data.ruleBacktest.scanned", equalTo(5))
                .body("data.ruleBacktest.caught", equalTo(2))
                .body("data.ruleBacktest.caughtAlreadyRemoved", equalTo(0))
                .body("data.ruleBacktest.removedNotCaught", equalTo(1))
                .body("data.ruleBacktest.truncated", equalTo(false))
                .body("data.ruleBacktest.examples.messageId", contains(second, first))
                .body("data.ruleBacktest.examples[0].outcome", equalTo("HELD"))
                .body("data.ruleBacktest.examples[1].matches[0].matched", equalTo(word));

        String rule = run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule",
                withEnabled(keywordRule(word, "FLAG"), false))))
                .extract().path("data.ruleCreate.rule.id");
        run(globex("manager"), "ruleBacktest", vars("input", Map.of("ruleId", rule, "communityId", community,
                "since", SINCE, "maxExamples", 1)))
                .body("data.ruleBacktest.caught", equalTo(2))
                .body("data.ruleBacktest.examples", hasSize(1))
                .body("data.ruleBacktest.examples[0].outcome", equalTo("FLAGGED"));
    }

    @Test
    void invalidInputIsAUserError() {
        String community = community();
        run(globex("moderator"), "ruleBacktest", vars("input", Map.of("communityId", community, "since", SINCE)))
                .body("data.ruleBacktest.userErrors.code", contains("RULE_REQUIRED"));
        Map<String, Object> regex = new HashMap<>(Map.of("name", "Bad", "kind", "REGEX", "pattern", "(a", "action",
                "FLAG"));
        run(globex("moderator"), "ruleBacktest", vars("input", Map.of("rule", regex, "communityId", community,
                "since", Instant.now().plusSeconds(3600).toString(), "maxExamples", 99)))
                .body("data.ruleBacktest.userErrors.code", containsInAnyOrder("INVALID_REGEX", "IN_THE_FUTURE",
                        "OUT_OF_RANGE"))
                .body("data.ruleBacktest.scanned", equalTo(0));
        run(globex("moderator"), "ruleBacktest", vars("input", Map.of("ruleId", community, "communityId", community,
                "since", SINCE)))
                .body("data.ruleBacktest.userErrors.code", contains("NOT_FOUND"));
    }

    @Test
    void onlyRuleEditorsBacktestAndOnlyInTheirTenant() {
        String word = "leak" + UUID.randomUUID().toString().substring(0, 6);
        String community = community();
        post(community, null, "About the " + word);
        Map<String, Object> input = Map.of("rule", keywordRule(word, "FLAG"), "communityId", community, "since", SINCE);
        for (String refused : List.of("analyst", "member")) {
            run(globex(refused), "ruleBacktest", vars("input", input))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                    .body("data.ruleBacktest", equalTo(null));
        }
        for (String allowed : List.of("admin", "manager", "moderator")) {
            run(globex(allowed), "ruleBacktest", vars("input", input)).body("data.ruleBacktest.caught", equalTo(1));
        }
        run(Tokens.of(Tokens.ACME, "admin"), "ruleBacktest", vars("input", input))
                .body("data.ruleBacktest.userErrors.code", contains("NOT_FOUND"))
                .body("data.ruleBacktest.examples", empty());
        String globexRule = run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule",
                keywordRule(word, "FLAG")))).extract().path("data.ruleCreate.rule.id");
        String acmeCommunity = aCommunity().in(Tokens.ACME).create().get("id").toString();
        run(Tokens.of(Tokens.ACME, "admin"), "ruleBacktest", vars("input", Map.of("ruleId", globexRule, "communityId",
                acmeCommunity, "since", SINCE)))
                .body("data.ruleBacktest.userErrors.code", contains("NOT_FOUND"));
    }

    private static Map<String, Object> keywordRule(String word, String action) {
        return new HashMap<>(Map.of("name", "Backtest " + word, "kind", "KEYWORDS", "keywords", List.of(word),
                "action", action));
    }

    private static Map<String, Object> withEnabled(Map<String, Object> rule, boolean enabled) {
        rule.put("enabled", enabled);
        return rule;
    }

    private static String community() {
        return aCommunity().in(Tokens.GLOBEX).joinedBy("member", "analyst").createId();
    }

    /** A new thread when {@code thread} is null (returns the thread id), else a message (returns its id). */
    private static String post(String community, String thread, String body) {
        if (thread == null) {
            return run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                    "DISCUSSION", "title", "Backtest", "body", body)))
                    .body("data.threadCreate.outcome", equalTo("PUBLISHED"))
                    .extract().path("data.threadCreate.thread.id");
        }
        return run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                .body("data.messagePost.outcome", equalTo("PUBLISHED"))
                .extract().path("data.messagePost.message.id");
    }
}
