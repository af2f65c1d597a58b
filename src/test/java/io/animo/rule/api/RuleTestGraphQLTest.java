package io.animo.rule.api;

import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RuleTestGraphQLTest {

    @Test
    void moderatorSeesWhatARuleWouldDoAndWhere() {
        Map<String, Object> rule = keywordRule("scam", "REJECT");
        run(Tokens.of(Tokens.ACME, "moderator"), "ruleTest", vars("input", Map.of("rule", rule, "text", "This is a $C4AAM!")))
                .body("errors", nullValue())
                .body("data.ruleTest.userErrors", empty())
                .body("data.ruleTest.outcome", equalTo("REJECTED"))
                .body("data.ruleTest.matches[0].ruleName", equalTo("No scams"))
                .body("data.ruleTest.matches[0].start", equalTo(10))
                .body("data.ruleTest.matches[0].end", equalTo(16))
                .body("data.ruleTest.matches[0].matched", equalTo("$C4AAM"));
        run(Tokens.of(Tokens.ACME, "manager"), "ruleTest", vars("input", Map.of("rule", rule, "text", "scampi for dinner")))
                .body("data.ruleTest.outcome", equalTo("PUBLISHED"))
                .body("data.ruleTest.matches", empty());
    }

    @Test
    void evasionsAreCaughtAndHarmlessWordsThatContainTheKeywordAreNot() {
        Map<String, Object> rule = keywordRule("idiot", "REJECT");
        Map<String, String> caught = Map.of(
                "accents", "what an ìdìöt",
                "capitals", "what an IDIOT",
                "look-alike letters", "what an \u0456d\u0456\u043et",
                "leetspeak", "what an 1d10t",
                "repeated letters", "what an iiidiooooot");
        caught.forEach((evasion, text) -> {
            String outcome = run(Tokens.of(Tokens.ACME, "moderator"), "ruleTest",
                    vars("input", Map.of("rule", rule, "text", text))).extract().path("data.ruleTest.outcome");
            assertEquals("REJECTED", outcome, evasion);
        });
        for (String harmless : List.of("idiotic behaviour is not a person", "the idiotproof setup")) {
            run(Tokens.of(Tokens.ACME, "moderator"), "ruleTest", vars("input", Map.of("rule", rule, "text", harmless)))
                    .body("data.ruleTest.outcome", equalTo("PUBLISHED"));
        }
    }

    @Test
    void invalidRegexIsAUserError() {
        Map<String, Object> rule = new HashMap<>(Map.of("name", "Broken", "kind", "REGEX", "pattern", "(a+", "action", "FLAG"));
        run(Tokens.of(Tokens.ACME, "admin"), "ruleTest", vars("input", Map.of("rule", rule, "text", "aaa")))
                .body("data.ruleTest.outcome", nullValue())
                .body("data.ruleTest.userErrors[0].field", equalTo("input.rule.pattern"))
                .body("data.ruleTest.userErrors[0].code", equalTo("INVALID_REGEX"));
    }

    @Test
    void pathologicalRegexAnswersAtOnce() {
        Map<String, Object> rule = new HashMap<>(
                Map.of("name", "Evil", "kind", "REGEX", "pattern", "(a+)+$", "action", "HOLD"));
        long started = System.nanoTime();
        run(Tokens.of(Tokens.ACME, "moderator"), "ruleTest",
                vars("input", Map.of("rule", rule, "text", "a".repeat(19_999) + "b")))
                .body("data.ruleTest.outcome", equalTo("PUBLISHED"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        // a backtracking engine needs longer than the age of the universe here; RE2/J is linear
        assertTrue(millis < 3_000, "took " + millis + " ms");
    }

    @Test
    void analystsMembersAndAnonymousCannotTestRules() {
        Map<String, Object> input = Map.of("rule", keywordRule("scam", "FLAG"), "text", "scam");
        for (String role : List.of("analyst", "member")) {
            run(Tokens.of(Tokens.ACME, role), "ruleTest", vars("input", input))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(null, "ruleTest", vars("input", input)).body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    private static Map<String, Object> keywordRule(String keyword, String action) {
        Map<String, Object> rule = new HashMap<>();
        rule.put("name", "No scams");
        rule.put("kind", "KEYWORDS");
        rule.put("keywords", List.of(keyword));
        rule.put("action", action);
        rule.put("severity", "HIGH");
        return rule;
    }
}
