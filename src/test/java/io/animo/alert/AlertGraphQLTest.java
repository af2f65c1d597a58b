package io.animo.alert;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.operation;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.animo.support.GraphQL;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Crisis alerts end to end: a real burst of negative messages is counted, detected and announced live to the tenant
 * (and to nobody else); staff take it through its lifecycle and its playbook; tenants set what a spike is.
 */
@QuarkusTest
public class AlertGraphQLTest {

    private static final String RAISED = "subscription($c: ID) { alertRaised(communityId: $c) { id communityId kind"
            + " status observed baseline deviation } }";
    private static final String UPDATED = "subscription { alertUpdated { id kind status acknowledgedBy"
            + " response { slowModeSeconds readOnly undoneAt } } }";

    @Test
    void aBurstOfNegativeMessagesRaisesAlertsHeardLiveByItsTenantOnly() throws Exception {
        String community = aCommunity().in(Tokens.ACME).named("Burst " + UUID.randomUUID()).createId();
        try (GraphQLWebSocket acme = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "analyst"));
                GraphQLWebSocket globex = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "analyst"))) {
            acme.awaitAck();
            globex.awaitAck();
            acme.subscribe("raised", RAISED, Map.of("c", community));
            globex.subscribe("raised", RAISED, Map.of());
            Thread.sleep(500); // the subscriptions are in place before the burst

            burst(Tokens.ACME, community);

            List<String> kinds = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (!kinds.containsAll(List.of("VOLUME_SPIKE", "NEGATIVE_SHARE_SPIKE"))
                    && System.currentTimeMillis() < deadline) {
                JsonObject data = acme.nextData(20);
                assertNotNull(data, "alerts raised so far: " + kinds);
                JsonObject alert = data.getJsonObject("data").getJsonObject("alertRaised");
                assertEquals(community, alert.getString("communityId"));
                assertEquals("OPEN", alert.getString("status"));
                kinds.add(alert.getString("kind"));
            }
            assertTrue(kinds.containsAll(List.of("VOLUME_SPIKE", "NEGATIVE_SHARE_SPIKE")), kinds.toString());
            assertNull(globex.nextData(2), "globex hears nothing of acme's alerts");
        }

        run(Tokens.of(Tokens.ACME, "analyst"), "alerts", vars("communityId", community))
                .body("errors", nullValue())
                .body("data.alerts.edges.node.kind", hasItems("VOLUME_SPIKE", "NEGATIVE_SHARE_SPIKE"))
                .body("data.alerts.edges.find { it.node.kind == 'VOLUME_SPIKE' }.node.observed",
                        org.hamcrest.Matchers.greaterThanOrEqualTo(10f))
                .body("data.alerts.edges.find { it.node.kind == 'NEGATIVE_SHARE_SPIKE' }.node.observed",
                        org.hamcrest.Matchers.greaterThan(0.5f));
        String alertId = alertOf(Tokens.ACME, community, "VOLUME_SPIKE");

        // another tenant neither lists, reads nor changes it
        run(Tokens.of(Tokens.GLOBEX, "admin"), "alerts", vars()).body("errors", nullValue())
                .body("data.alerts.edges.node.id", org.hamcrest.Matchers.not(hasItems(alertId)));
        GraphQL.raw(Tokens.of(Tokens.GLOBEX, "admin"), "query($id: ID!) { alert(id: $id) { id } }", vars("id", alertId))
                .then().statusCode(200).body("errors", nullValue()).body("data.alert", nullValue());
        operation(Tokens.of(Tokens.GLOBEX, "admin"), "alertAct", "Acknowledge", vars("input", Map.of("id", alertId)))
                .body("data.alertAcknowledge.alert", nullValue())
                .body("data.alertAcknowledge.userErrors.code", contains("NOT_FOUND"));
        run(Tokens.of(Tokens.ACME, "analyst"), "alerts", vars("communityId", community, "status", "OPEN"))
                .body("data.alerts.edges.node.id", hasItems(alertId));
    }

    @Test
    void staffTakeAnAlertThroughItsLifecycleAndPlaybookWithAnAuditTrail() throws Exception {
        String community = aCommunity().in(Tokens.GLOBEX).named("Crisis " + UUID.randomUUID()).createId();
        burst(Tokens.GLOBEX, community);
        String alertId = awaitAlert(Tokens.GLOBEX, community, "VOLUME_SPIKE");
        String moderator = Tokens.of(Tokens.GLOBEX, "moderator");
        Map<String, Object> byId = vars("input", Map.of("id", alertId));

        try (GraphQLWebSocket watcher = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "manager"))) {
            watcher.awaitAck();
            watcher.subscribe("updated", UPDATED);
            Thread.sleep(500);

            operation(Tokens.of(Tokens.GLOBEX, "analyst"), "alertAct", "Acknowledge", byId)
                    .body("data", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            operation(moderator, "alertAct", "Acknowledge", vars("input", Map.of("id", alertId, "clientMutationId", "a1")))
                    .body("data.alertAcknowledge.userErrors", empty())
                    .body("data.alertAcknowledge.clientMutationId", equalTo("a1"))
                    .body("data.alertAcknowledge.alert.status", equalTo("ACKNOWLEDGED"))
                    .body("data.alertAcknowledge.alert.acknowledgedBy", notNullValue())
                    .body("data.alertAcknowledge.alert.acknowledgedAt", notNullValue());
            JsonObject acknowledged = updateOf(watcher, alertId, alert -> "ACKNOWLEDGED".equals(alert.getString("status")));
            assertNotNull(acknowledged.getString("acknowledgedBy"));
            operation(moderator, "alertAct", "Acknowledge", byId)
                    .body("data.alertAcknowledge.userErrors.code", contains("ALREADY_ACKNOWLEDGED"));

            // the playbook: bad input changes nothing
            operation(moderator, "alertAct", "Respond", vars("input", Map.of("id", alertId)))
                    .body("data.alertRespond.userErrors.code", contains("NOTHING_TO_APPLY"));
            operation(moderator, "alertAct", "Respond", vars("input", Map.of("id", alertId, "slowModeSeconds", 999_999)))
                    .body("data.alertRespond.alert", nullValue())
                    .body("data.alertRespond.userErrors.code", contains("OUT_OF_RANGE"));
            assertModes(community, 0, false, false);

            operation(moderator, "alertAct", "Respond", vars("input", Map.of("id", alertId, "slowModeSeconds", 30,
                    "readOnly", true)))
                    .body("data.alertRespond.userErrors", empty())
                    .body("data.alertRespond.alert.response.slowModeSeconds", equalTo(30))
                    .body("data.alertRespond.alert.response.readOnly", equalTo(true))
                    .body("data.alertRespond.alert.response.preModeration", nullValue())
                    .body("data.alertRespond.alert.response.respondedBy", notNullValue());
            assertModes(community, 30, false, true);
            assertEquals(30, updateOf(watcher, alertId, alert -> alert.getJsonObject("response") != null)
                    .getJsonObject("response").getInteger("slowModeSeconds"));
            operation(moderator, "alertAct", "Respond", vars("input", Map.of("id", alertId, "preModeration", true)))
                    .body("data.alertRespond.userErrors.code", contains("ALREADY_RESPONDED"));
            assertModes(community, 30, false, true);

            operation(moderator, "alertAct", "Undo", byId)
                    .body("data.alertUndoResponse.userErrors", empty())
                    .body("data.alertUndoResponse.alert.response.undoneAt", notNullValue());
            assertModes(community, 0, false, false);
            operation(moderator, "alertAct", "Undo", byId)
                    .body("data.alertUndoResponse.userErrors.code", contains("NO_RESPONSE"));

            operation(moderator, "alertAct", "Resolve", byId)
                    .body("data.alertResolve.userErrors", empty())
                    .body("data.alertResolve.alert.status", equalTo("RESOLVED"))
                    .body("data.alertResolve.alert.resolvedBy", notNullValue());
            operation(moderator, "alertAct", "Resolve", byId)
                    .body("data.alertResolve.userErrors.code", contains("ALREADY_RESOLVED"));
            operation(moderator, "alertAct", "Respond", vars("input", Map.of("id", alertId, "readOnly", true)))
                    .body("data.alertRespond.userErrors.code", contains("ALREADY_RESOLVED"));
            assertModes(community, 0, false, false);
        }

        run(Tokens.of(Tokens.GLOBEX, "admin"), "auditLog", vars("filter", Map.of("targetId", alertId), "first", 20))
                .body("data.auditLog.edges.node.action", hasItems("ALERT_ACKNOWLEDGED", "ALERT_RESPONDED",
                        "ALERT_RESPONSE_UNDONE", "ALERT_RESOLVED"));
    }

    @Test
    void aTenantSetsWhatASpikeIsAndBadSettingsChangeNothing() {
        String admin = Tokens.of(Tokens.GLOBEX, "admin");
        operation(Tokens.of(Tokens.GLOBEX, "analyst"), "alertSettings", "Settings", vars())
                .body("errors", nullValue()).body("data.alertSettings.threshold", notNullValue());
        Map<String, Object> tooLow = settings(1, 10, 3, 10);
        operation(admin, "alertSettings", "SetSettings", vars("input", tooLow))
                .body("data.alertSettingsSet.settings", nullValue())
                .body("data.alertSettingsSet.userErrors.code", contains("OUT_OF_RANGE"));
        operation(admin, "alertSettings", "SetSettings", vars("input", settings(4, 0, 3, 10)))
                .body("data.alertSettingsSet.userErrors.code", contains("OUT_OF_RANGE"));
        operation(Tokens.of(Tokens.GLOBEX, "moderator"), "alertSettings", "SetSettings", vars("input", settings(5, 10, 3,
                10))).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        try {
            operation(admin, "alertSettings", "SetSettings", vars("input", settings(6.5, 25, 4, 12)))
                    .body("data.alertSettingsSet.userErrors", empty())
                    .body("data.alertSettingsSet.settings.threshold", equalTo(6.5f));
            operation(admin, "alertSettings", "Settings", vars())
                    .body("data.alertSettings.threshold", equalTo(6.5f))
                    .body("data.alertSettings.minMessages", equalTo(25))
                    .body("data.alertSettings.minReports", equalTo(4))
                    .body("data.alertSettings.minJoins", equalTo(12));
            operation(Tokens.of(Tokens.ACME, "admin"), "alertSettings", "Settings", vars())
                    .body("data.alertSettings.minMessages", equalTo(10)); // acme keeps the defaults
            run(admin, "auditLog", vars("filter", Map.of("action", "ALERT_SETTINGS_CHANGED"), "first", 5))
                    .body("data.auditLog.edges.size()", org.hamcrest.Matchers.greaterThan(0));
        } finally {
            operation(admin, "alertSettings", "SetSettings", vars("input", settings(4, 10, 3, 10)))
                    .body("data.alertSettingsSet.userErrors", empty());
        }
    }

    @Test
    void membersAndStrangersSeeNoAlerts() throws Exception {
        run(Tokens.of(Tokens.ACME, "member"), "alerts", vars())
                .body("data", nullValue()).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        try (GraphQLWebSocket member = GraphQLWebSocket.open(Tokens.of(Tokens.ACME, "member"))) {
            member.awaitAck();
            member.subscribe("raised", RAISED, Map.of());
            JsonObject refused = member.next(10);
            assertNotNull(refused);
            assertTrue(refused.encode().contains("FORBIDDEN"), refused.encode());
        }
        String acmeCommunity = aCommunity().in(Tokens.ACME).named("Not yours " + UUID.randomUUID()).createId();
        try (GraphQLWebSocket globex = GraphQLWebSocket.open(Tokens.of(Tokens.GLOBEX, "analyst"))) {
            globex.awaitAck();
            globex.subscribe("theirs", RAISED, Map.of("c", acmeCommunity));
            JsonObject refused = globex.next(10);
            assertNotNull(refused);
            assertTrue(refused.encode().contains("NOT_FOUND"), refused.encode());
        }
    }

    /** Thirty angry messages in a few seconds, in a community quiet until then. */
    public static void burst(String realm, String community) {
        String member = Tokens.of(realm, "member");
        run(member, "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty());
        String thread = run(member, "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", "Outage", "body", "The app is broken again"))).extract().path("data.threadCreate.thread.id");
        for (int i = 0; i < 30; i++) {
            run(member, "messagePost", vars("input", Map.of("threadId", thread, "body",
                    "This update is terrible, I hate it, nothing works #" + i)))
                    .body("data.messagePost.userErrors", empty());
        }
    }

    static String awaitAlert(String realm, String community, String kind) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline) {
            String id = alertOf(realm, community, kind);
            if (id != null) {
                return id;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no " + kind + " alert in " + community);
    }

    private static String alertOf(String realm, String community, String kind) {
        List<Map<String, Object>> edges = run(Tokens.of(realm, "analyst"), "alerts", vars("communityId", community))
                .body("errors", nullValue()).extract().path("data.alerts.edges");
        return edges.stream().map(edge -> (Map<?, ?>) edge.get("node")).filter(node -> kind.equals(node.get("kind")))
                .map(node -> (String) node.get("id")).findFirst().orElse(null);
    }

    /** The next update of the alert that {@code matches} (the detector may update it meanwhile, as its spike goes on). */
    private static JsonObject updateOf(GraphQLWebSocket socket, String alertId, Predicate<JsonObject> matches)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            JsonObject data = socket.nextData(10);
            assertNotNull(data, "no update of " + alertId);
            JsonObject alert = data.getJsonObject("data").getJsonObject("alertUpdated");
            if (alertId.equals(alert.getString("id")) && matches.test(alert)) {
                return alert;
            }
        }
        throw new AssertionError("no update of " + alertId);
    }

    private static void assertModes(String community, int slowModeSeconds, boolean preModeration, boolean readOnly) {
        GraphQL.raw(Tokens.of(Tokens.GLOBEX, "admin"), "query($id: ID) { community(id: $id) { slowModeSeconds"
                + " preModeration readOnly } }", vars("id", community))
                .then().statusCode(200)
                .body("data.community.slowModeSeconds", equalTo(slowModeSeconds))
                .body("data.community.preModeration", equalTo(preModeration))
                .body("data.community.readOnly", equalTo(readOnly));
    }

    private static Map<String, Object> settings(double threshold, int minMessages, int minReports, int minJoins) {
        Map<String, Object> input = new HashMap<>();
        input.put("threshold", threshold);
        input.put("minMessages", minMessages);
        input.put("minReports", minReports);
        input.put("minJoins", minJoins);
        return input;
    }
}
