package io.animo.rule.api;

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

@QuarkusTest
class RuleGraphQLTest {

    private static String manager() {
        return Tokens.of(Tokens.ACME, "manager");
    }

    @Test
    void managerSavesRulesPerScopeAndModeratorsReadThem() {
        String communityId = aCommunity().create().get("id").toString();
        String tenantWide = create(manager(), null, keywordRule("Tenant words " + UUID.randomUUID(), "scam"));
        String local = create(manager(), communityId, keywordRule("Local words", "refund"));

        run(Tokens.of(Tokens.ACME, "moderator"), "rules", vars("communityId", communityId))
                .body("errors", nullValue())
                .body("data.rules.id", contains(local))
                .body("data.rules[0].communityId", equalTo(communityId))
                .body("data.rules[0].keywords", contains("refund"))
                .body("data.rules[0].createdBy.displayName", equalTo("Manager Acme"));
        run(Tokens.of(Tokens.ACME, "admin"), "rules", vars())
                .body("data.rules.id", hasItem(tenantWide))
                .body("data.rules.id", not(hasItem(local)));
        run(Tokens.of(Tokens.ACME, "moderator"), "ruleNode", vars("id", local)).body("data.node.name", equalTo("Local words"));
    }

    @Test
    void ruleIsReplacedWithItsVersionAndDeleted() {
        String id = create(manager(), null, keywordRule("Editable " + UUID.randomUUID(), "spam"));
        Map<String, Object> regex = new HashMap<>(Map.of("name", "Phones", "kind", "REGEX", "pattern", "\\d{3}-\\d{4}",
                "action", "HOLD", "severity", "LOW"));
        run(manager(), "ruleUpdate", vars("input", Map.of("id", id, "version", 0, "rule", regex)))
                .body("data.ruleUpdate.userErrors", empty())
                .body("data.ruleUpdate.rule.kind", equalTo("REGEX"))
                .body("data.ruleUpdate.rule.pattern", equalTo("\\d{3}-\\d{4}"))
                .body("data.ruleUpdate.rule.version", equalTo(1));
        run(manager(), "ruleUpdate", vars("input", Map.of("id", id, "version", 0, "rule", regex)))
                .body("data.ruleUpdate.userErrors[0].code", equalTo("STALE_VERSION"));
        run(manager(), "ruleDelete", vars("input", Map.of("id", id)))
                .body("data.ruleDelete.deletedRuleId", equalTo(id));
        run(manager(), "ruleNode", vars("id", id)).body("data.node", nullValue());
        run(manager(), "ruleDelete", vars("input", Map.of("id", id)))
                .body("data.ruleDelete.userErrors[0].code", equalTo("NOT_FOUND"));
    }

    @Test
    void invalidRulesAreUserErrorsAndNothingIsSaved() {
        String name = "Broken " + UUID.randomUUID();
        Map<String, Object> broken = new HashMap<>(Map.of("name", name, "kind", "REGEX", "pattern", "(a+", "action", "FLAG"));
        run(manager(), "ruleCreate", vars("input", Map.of("rule", broken)))
                .body("data.ruleCreate.rule", nullValue())
                .body("data.ruleCreate.userErrors[0].code", equalTo("INVALID_REGEX"));
        Map<String, Object> noKeywords = new HashMap<>(Map.of("name", name, "kind", "KEYWORDS", "action", "FLAG"));
        run(manager(), "ruleCreate", vars("input", Map.of("rule", noKeywords)))
                .body("data.ruleCreate.userErrors[0].field", equalTo("input.rule.keywords"));
        Map<String, Object> mute = new HashMap<>(Map.of("name", name, "kind", "FLOOD", "maxMessages", 5, "windowSeconds", 60,
                "action", "MUTE"));
        run(manager(), "ruleCreate", vars("input", Map.of("rule", mute)))
                .body("data.ruleCreate.userErrors[0].code", equalTo("OUT_OF_RANGE"));
        run(manager(), "ruleCreate", vars("input", Map.of("communityId", "bm90LWFuLWlk", "rule", keywordRule(name, "x"))))
                .body("data.ruleCreate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(manager(), "ruleCreate", vars("input", Map.of("rule", keywordRule(name + ", again", "x"))))
                .body("data.ruleCreate.userErrors[0].code", equalTo("INVALID_CHARACTERS"));
        run(manager(), "rules", vars()).body("data.rules.name", not(hasItem(name)));
        run(manager(), "rules", vars()).body("data.rules.name", not(hasItem(name + ", again")));
    }

    @Test
    void onlyAdminsAndManagersWriteAndAnalystsAndMembersCannotRead() {
        String id = create(Tokens.of(Tokens.ACME, "admin"), null, keywordRule("By admin " + UUID.randomUUID(), "x"));
        for (String role : List.of("moderator", "analyst", "member")) {
            run(Tokens.of(Tokens.ACME, role), "ruleCreate", vars("input", Map.of("rule", keywordRule("Nope", "x"))))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(Tokens.of(Tokens.ACME, role), "ruleDelete", vars("input", Map.of("id", id)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        for (String role : List.of("analyst", "member")) {
            run(Tokens.of(Tokens.ACME, role), "rules", vars()).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(manager(), "ruleNode", vars("id", id)).body("data.node.kind", equalTo("KEYWORDS"));
    }

    @Test
    void otherTenantNeitherSeesNorChangesRules() {
        String communityId = aCommunity().create().get("id").toString();
        String id = create(manager(), communityId, keywordRule("Acme private", "secret"));
        String globex = Tokens.of(Tokens.GLOBEX, "admin");

        run(globex, "rules", vars("communityId", communityId)).body("data.rules", empty());
        run(globex, "ruleNode", vars("id", id)).body("data.node", nullValue());
        run(globex, "ruleUpdate", vars("input", Map.of("id", id, "version", 0, "rule", keywordRule("Hijack", "x"))))
                .body("data.ruleUpdate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex, "ruleDelete", vars("input", Map.of("id", id)))
                .body("data.ruleDelete.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex, "ruleCreate", vars("input", Map.of("communityId", communityId, "rule", keywordRule("Into acme", "x"))))
                .body("data.ruleCreate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(manager(), "rules", vars("communityId", communityId))
                .body("data.rules.name", contains("Acme private"))
                .body("data.rules[0].version", equalTo(0));
    }

    @Test
    void onlyAdminsAndManagersReplaceARuleAndAnInvalidReplacementChangesNothing() {
        String community = aCommunity().in(Tokens.ACME).create().get("id").toString();
        String id = create(manager(), community, keywordRule("Replaceable " + UUID.randomUUID(), "spam"));
        Map<String, Object> regex = new HashMap<>(Map.of("name", "Replaced", "kind", "REGEX", "pattern", "x+",
                "action", "HOLD"));
        for (String refused : List.of("moderator", "analyst", "member")) {
            run(Tokens.of(Tokens.ACME, refused), "ruleUpdate", vars("input", Map.of("id", id, "version", 0, "rule", regex)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        regex.put("pattern", "(a");
        run(manager(), "ruleUpdate", vars("input", Map.of("id", id, "version", 0, "rule", regex)))
                .body("data.ruleUpdate.userErrors[0].code", equalTo("INVALID_REGEX"));
        run(manager(), "rules", vars("communityId", community))
                .body("data.rules[0].kind", equalTo("KEYWORDS"))
                .body("data.rules[0].version", equalTo(0));
        regex.put("pattern", "x+");
        run(Tokens.of(Tokens.ACME, "admin"), "ruleUpdate", vars("input", Map.of("id", id, "version", 0, "rule", regex)))
                .body("data.ruleUpdate.userErrors", empty())
                .body("data.ruleUpdate.rule.version", equalTo(1));
    }

    @Test
    void limitsKeepAnyTenantFromHurtingTheService() {
        String community = aCommunity().in(Tokens.ACME).create().get("id").toString();
        Map<String, Object> tooManyKeywords = keywordRule("Many " + UUID.randomUUID(), "x");
        tooManyKeywords.put("keywords", java.util.stream.IntStream.range(0, 2_001).mapToObj(i -> "word" + i).toList());
        run(manager(), "ruleCreate", vars("input", Map.of("communityId", community, "rule", tooManyKeywords)))
                .body("data.ruleCreate.userErrors[0].code", equalTo("TOO_MANY"));
        Map<String, Object> longPattern = new HashMap<>(Map.of("name", "Long", "kind", "REGEX", "pattern", "a".repeat(501),
                "action", "FLAG"));
        run(manager(), "ruleCreate", vars("input", Map.of("communityId", community, "rule", longPattern)))
                .body("data.ruleCreate.userErrors[0].code", equalTo("TOO_LONG"));
        for (int i = 0; i < 200; i++) {
            create(manager(), community, keywordRule("Rule " + i, "w" + i));
        }
        run(manager(), "ruleCreate", vars("input", Map.of("communityId", community, "rule", keywordRule("One too many",
                "w"))))
                .body("data.ruleCreate.userErrors[0].code", equalTo("TOO_MANY_RULES"));
        run(manager(), "rules", vars("communityId", community)).body("data.rules.size()", equalTo(200));
    }

    private static String create(String token, String communityId, Map<String, Object> rule) {
        Map<String, Object> input = new HashMap<>();
        input.put("rule", rule);
        if (communityId != null) {
            input.put("communityId", communityId);
        }
        return run(token, "ruleCreate", vars("input", input))
                .body("errors", nullValue())
                .body("data.ruleCreate.userErrors", empty())
                .extract().path("data.ruleCreate.rule.id");
    }

    private static Map<String, Object> keywordRule(String name, String keyword) {
        return new HashMap<>(Map.of("name", name, "kind", "KEYWORDS", "keywords", List.of(keyword), "action", "FLAG",
                "severity", "MEDIUM"));
    }
}
