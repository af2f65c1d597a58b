package io.animo.rule.api;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.animo.support.Parallel;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A tenant's rules are bounded in memory and time whatever their shape, and never slow another tenant. */
@QuarkusTest
class HostileRulesTest {

    /** Shapes that blow up a regular-expression program: nesting, alternation inside counts, classes inside counts. */
    private static final List<String> HOSTILE = List.of(
            "((a{1000}){1000}){1000}",
            "(a{1000}){1000}",
            "(?:(?:(?:a?){100}){100}){100}",
            "(?:a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t){1000}",
            "[\\p{L}\\p{N}]{1000}[\\p{L}\\p{N}]{1000}",
            "(?:\\w+\\s*){500}(?:\\d{3}-){300}",
            ".{0,1000}.{0,1000}x",
            "((((((((((x{10}){10}){10}){10}){10}){10}){10}){10}){10}){10})");

    private static Map<String, Object> regex(String pattern) {
        return new HashMap<>(Map.of("name", "Hostile", "kind", "REGEX", "pattern", pattern, "action", "FLAG", "severity",
                "LOW"));
    }

    @Test
    void everyHostilePatternIsRefusedAtOnceWhileAnotherTenantIsServedNormally() throws Exception {
        AtomicBoolean attacking = new AtomicBoolean(true);
        ExecutorService victim = Executors.newSingleThreadExecutor();
        Future<List<Long>> victimLatencies = victim.submit(() -> {
            List<Long> millis = new ArrayList<>();
            while (attacking.get()) {
                long started = System.nanoTime();
                run(Tokens.of(Tokens.ACME, "member"), "communities", Map.of("first", 5))
                        .body("errors", nullValue());
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            return millis;
        });
        try {
            for (String pattern : HOSTILE) {
                long started = System.nanoTime();
                run(Tokens.of(Tokens.GLOBEX, "moderator"), "ruleTest", vars("input", Map.of("rule", regex(pattern),
                        "text", "aaaa")))
                        .body("data.ruleTest.outcome", nullValue())
                        .body("data.ruleTest.userErrors.code", contains("INVALID_REGEX"))
                        .body("data.ruleTest.userErrors[0].field", equalTo("input.rule.pattern"));
                long millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 1_000, pattern + " took " + millis + " ms");
                started = System.nanoTime();
                run(Tokens.of(Tokens.GLOBEX, "manager"), "ruleCreate", vars("input", Map.of("rule", regex(pattern))))
                        .body("data.ruleCreate.rule", nullValue())
                        .body("data.ruleCreate.userErrors.code", contains("INVALID_REGEX"));
                millis = (System.nanoTime() - started) / 1_000_000;
                assertTrue(millis < 1_000, "saving " + pattern + " took " + millis + " ms");
            }
        } finally {
            attacking.set(false);
        }
        List<Long> latencies = victimLatencies.get(30, TimeUnit.SECONDS);
        victim.shutdown();
        assertTrue(!latencies.isEmpty(), "the other tenant was served");
        long worst = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
        assertTrue(worst < 1_000, "another tenant waited " + worst + " ms");
    }

    @Test
    void theMessageSaysWhyAndReasonablePatternsPass() {
        run(Tokens.of(Tokens.GLOBEX, "moderator"), "ruleTest", vars("input", Map.of("rule", regex("(a{100}){100}"), "text",
                "a")))
                .body("data.ruleTest.userErrors[0].message", org.hamcrest.Matchers.containsString("limit is 1000"));
        for (String realistic : List.of("\\b(?:\\d[ -]*?){13,16}\\b", "(?i)[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}",
                "\\+?\\d[\\d\\s().-]{7,}\\d", "(?:bit\\.ly|tinyurl\\.com)/\\w+")) {
            run(Tokens.of(Tokens.GLOBEX, "moderator"), "ruleTest", vars("input", Map.of("rule", regex(realistic), "text",
                    "call +33 1 23 45 67 89 or bit.ly/x")))
                    .body("data.ruleTest.userErrors", empty());
        }
    }

    @Test
    void aScopeCannotGrowPastItsLimitsWhateverHowItIsSplit() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Many patterns").createId();
        // each pattern is 902 instructions: eleven fit in a scope of 10,000, the twelfth does not
        String big = "[a-z]{900}";
        for (int i = 1; i <= 11; i++) {
            run(Tokens.of(Tokens.GLOBEX, "manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule",
                    regex(big)))).body("data.ruleCreate.userErrors", empty());
        }
        run(Tokens.of(Tokens.GLOBEX, "manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule",
                regex(big))))
                .body("data.ruleCreate.rule", nullValue())
                .body("data.ruleCreate.userErrors.code", contains("RULE_SET_TOO_LARGE"));
        run(Tokens.of(Tokens.GLOBEX, "manager"), "rules", vars("communityId", community)).body("data.rules", hasSize(11));
    }

    @Test
    void theRuleLimitHoldsUnderConcurrency() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Crowded rules").createId();
        Map<String, Object> rule = Map.of("name", "Filler", "kind", "KEYWORDS", "keywords", List.of("filler"), "action",
                "FLAG", "severity", "LOW");
        for (int i = 0; i < 195; i++) {
            run(Tokens.of(Tokens.GLOBEX, "manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule",
                    rule))).body("data.ruleCreate.userErrors", empty());
        }
        List<Callable<List<Object>>> racing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String username = i % 2 == 0 ? "manager" : "admin";
            racing.add(() -> run(Tokens.of(Tokens.GLOBEX, username), "ruleCreate", vars("input", Map.of("communityId",
                    community, "rule", rule))).body("errors", nullValue()).extract().path("data.ruleCreate.userErrors.code"));
        }
        List<List<Object>> outcomes = Parallel.run(racing);
        long refused = outcomes.stream().filter(codes -> codes.contains("TOO_MANY_RULES")).count();
        assertEquals(5, refused, "outcomes: " + outcomes);
        run(Tokens.of(Tokens.GLOBEX, "manager"), "rules", vars("communityId", community)).body("data.rules", hasSize(200));
    }
}
