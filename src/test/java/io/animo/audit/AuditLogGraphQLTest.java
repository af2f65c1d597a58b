package io.animo.audit;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AuditLogGraphQLTest {

    private static String admin() {
        return Tokens.of(Tokens.ACME, "admin");
    }

    @Test
    void everyCommunityAndRuleChangeIsLoggedNewestFirst() {
        Map<String, Object> community = aCommunity().named("Audited").create();
        String id = community.get("id").toString();
        run(Tokens.of(Tokens.ACME, "manager"), "communityUpdate",
                vars("input", Map.of("id", id, "version", 0, "name", "Audited twice")));
        run(Tokens.of(Tokens.ACME, "manager"), "communityArchive", vars("input", Map.of("id", id)));

        run(admin(), "auditLog", vars("filter", Map.of("targetId", id), "first", 10))
                .body("errors", org.hamcrest.Matchers.nullValue())
                .body("data.auditLog.totalCount", equalTo(3))
                .body("data.auditLog.edges.node.action",
                        contains("COMMUNITY_ARCHIVED", "COMMUNITY_UPDATED", "COMMUNITY_CREATED"))
                .body("data.auditLog.edges.node.targetId", everyItem(equalTo(id)))
                .body("data.auditLog.edges.node.actor.displayName", everyItem(equalTo("Manager Acme")));

        String ruleId = run(Tokens.of(Tokens.ACME, "manager"), "ruleCreate", vars("input", Map.of("rule", Map.of(
                "name", "Audited rule", "kind", "KEYWORDS", "keywords", List.of("x"), "action", "FLAG"))))
                .extract().path("data.ruleCreate.rule.id");
        run(Tokens.of(Tokens.ACME, "manager"), "ruleDelete", vars("input", Map.of("id", ruleId)));
        run(admin(), "auditLog", vars("filter", Map.of("targetId", ruleId)))
                .body("data.auditLog.edges.node.action", contains("RULE_DELETED", "RULE_CREATED"))
                .body("data.auditLog.edges[0].node.summary", equalTo("Audited rule (KEYWORDS → FLAG, enabled, whole tenant)"));
    }

    @Test
    void auditLogPagesWithCursors() {
        Map<String, Object> community = aCommunity().create();
        String id = community.get("id").toString();
        for (int version = 0; version < 3; version++) {
            run(Tokens.of(Tokens.ACME, "manager"), "communityUpdate",
                    vars("input", Map.of("id", id, "version", version, "description", "v" + version)));
        }
        String end = run(admin(), "auditLog", vars("filter", Map.of("targetId", id), "first", 2))
                .body("data.auditLog.totalCount", equalTo(4))
                .body("data.auditLog.pageInfo.hasNextPage", equalTo(true))
                .extract().path("data.auditLog.pageInfo.endCursor");
        run(admin(), "auditLog", vars("filter", Map.of("targetId", id), "first", 2, "after", end))
                .body("data.auditLog.edges.node.action", contains("COMMUNITY_UPDATED", "COMMUNITY_CREATED"))
                .body("data.auditLog.pageInfo.hasNextPage", equalTo(false));
    }

    @Test
    void onlyTenantAdminsReadTheLogAndOnlyTheirTenants() {
        String id = aCommunity().create().get("id").toString();
        for (String role : List.of("manager", "moderator", "analyst", "member")) {
            run(Tokens.of(Tokens.ACME, role), "auditLog", vars()).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(Tokens.of(Tokens.GLOBEX, "admin"), "auditLog", vars("filter", Map.of("targetId", id)))
                .body("data.auditLog.totalCount", equalTo(0));
    }

    @Test
    void theServiceCannotRewriteHistory() throws SQLException {
        var config = ConfigProvider.getConfig();
        try (Connection app = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            SQLException update = assertThrows(SQLException.class,
                    () -> app.createStatement().executeUpdate("update audit_entry set summary = 'rewritten'"));
            assertTrue(update.getMessage().contains("permission denied"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class,
                    () -> app.createStatement().executeUpdate("delete from audit_entry"));
            assertTrue(delete.getMessage().contains("permission denied"), delete.getMessage());
        }
    }
}
