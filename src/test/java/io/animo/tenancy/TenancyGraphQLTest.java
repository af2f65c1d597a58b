package io.animo.tenancy;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.AnotherReplica;
import io.animo.support.GraphQL;
import io.animo.support.GraphQLWebSocket;
import io.animo.support.KeycloakAdmin;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class TenancyGraphQLTest {

    private static final String ADMIN_PASSWORD = "first-admin-pass-123";

    @Test
    void operatorProvisionsTenantWhoseAdminLogsInAndUsesTheApi() {
        String realm = "t" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = run(Tokens.operator(), "tenantProvision", vars("input", provisionInput(realm)))
                .body("errors", nullValue())
                .body("data.tenantProvision.userErrors", empty())
                .body("data.tenantProvision.tenant.realm", equalTo(realm))
                .body("data.tenantProvision.tenant.status", equalTo("ACTIVE"))
                .body("data.tenantProvision.adminTemporaryPassword", nullValue())
                .extract().path("data.tenantProvision.tenant.id");

        KeycloakAdmin.addPasswordClient(realm);
        String admin = Tokens.fetch(realm, "first-admin", ADMIN_PASSWORD);
        run(admin, "viewer")
                .body("data.viewer.tenant.id", equalTo(tenantId))
                .body("data.viewer.roles", hasItems("tenant-admin", "member"));
        Map<String, Object> community = aCommunity().in(realm).by("first-admin").input();
        run(admin, "communityCreate", vars("input", community)).body("data.communityCreate.userErrors", empty());
        run(admin, "communities", vars("first", 10)).body("data.communities.totalCount", equalTo(1));

        // the new admin administers the users of their own realm, and only of it
        assertEquals(200, KeycloakAdmin.listUsersStatus(admin, realm));
        assertEquals(403, KeycloakAdmin.listUsersStatus(admin, Tokens.ACME));
        run(Tokens.operator(), "tenants", vars("first", 100)).body("data.tenants.edges.node.realm", hasItem(realm));
    }

    @Test
    void generatedPasswordIsReturnedOnceAndTemporary() {
        String realm = "t" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = provisionInput(realm);
        input.remove("adminPassword");
        run(Tokens.operator(), "tenantProvision", vars("input", input))
                .body("data.tenantProvision.userErrors", empty())
                .body("data.tenantProvision.adminTemporaryPassword", notNullValue());
    }

    @Test
    void invalidProvisioningIsAnsweredWithUserErrorsAndCreatesNoRealm() {
        Map<String, Object> input = provisionInput("Bad Realm!");
        input.put("adminEmail", "not-an-email");
        input.put("adminPassword", "short");
        run(Tokens.operator(), "tenantProvision", vars("input", input))
                .body("data.tenantProvision.tenant", nullValue())
                .body("data.tenantProvision.userErrors.code", hasItems("INVALID_REALM", "INVALID_EMAIL", "WEAK_PASSWORD"));
        run(Tokens.operator(), "tenantProvision", vars("input", provisionInput("master")))
                .body("data.tenantProvision.userErrors[0].code", equalTo("REALM_RESERVED"));
        run(Tokens.operator(), "tenantProvision", vars("input", provisionInput(Tokens.ACME)))
                .body("data.tenantProvision.userErrors[0].code", equalTo("REALM_TAKEN"));
        assertEquals(404, KeycloakAdmin.realmStatus("bad-realm"));
    }

    @Test
    void realmTakenInKeycloakButUnknownToAnimoIsRefusedAndLeavesNoTenant() throws Exception {
        String realm = "t" + UUID.randomUUID().toString().substring(0, 8);
        KeycloakAdmin.createTenantRealm(realm);
        run(Tokens.operator(), "tenantProvision", vars("input", provisionInput(realm)))
                .body("data.tenantProvision.tenant", nullValue())
                .body("data.tenantProvision.userErrors[0].code", equalTo("REALM_TAKEN"));
        run(Tokens.operator(), "tenants", vars("first", 100))
                .body("data.tenants.edges.node.realm", not(hasItem(realm)));
    }

    /** The account Animo provisions with creates realms and does nothing else, not even in the realms it created. */
    @Test
    void provisioningAccountHoldsCreateRealmOnly() {
        String realm = "t" + UUID.randomUUID().toString().substring(0, 8);
        run(Tokens.operator(), "tenantProvision", vars("input", provisionInput(realm)))
                .body("data.tenantProvision.userErrors", empty());
        String provisioner = Tokens.provisioner();
        JsonObject claims = Tokens.claims(provisioner);
        assertEquals(List.of("create-realm"), claims.getJsonObject("realm_access").getJsonArray("roles").getList());
        assertEquals(null, claims.getJsonObject("resource_access"));
        assertEquals(403, KeycloakAdmin.listUsersStatus(provisioner, "master"));
        assertEquals(403, KeycloakAdmin.listUsersStatus(provisioner, Tokens.ACME));
        assertEquals(403, KeycloakAdmin.listUsersStatus(provisioner, realm));
    }

    @Test
    void onlyPlatformOperatorsManageTenants() {
        String acmeId = run(Tokens.of(Tokens.ACME, "admin"), "viewer").extract().path("data.viewer.tenant.id");
        for (String role : List.of("admin", "manager", "moderator", "analyst", "member")) {
            String token = Tokens.of(Tokens.ACME, role);
            run(token, "tenantProvision", vars("input", provisionInput("t" + UUID.randomUUID().toString().substring(0, 8))))
                    .body("data.tenantProvision", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(token, "tenantSuspend", vars("input", Map.of("tenantId", acmeId)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(token, "tenantResume", vars("input", Map.of("tenantId", acmeId)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(token, "tenants", vars("first", 5)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(Tokens.of(Tokens.ACME, "member"), "viewer").body("data.viewer.tenant.status", equalTo("ACTIVE"));
        run(Tokens.operator(), "communities", vars("first", 5)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void suspendedTenantIsBlockedUntilResumed() {
        String realm = "t" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = run(Tokens.operator(), "tenantProvision", vars("input", provisionInput(realm)))
                .extract().path("data.tenantProvision.tenant.id");
        KeycloakAdmin.addPasswordClient(realm);
        String admin = Tokens.fetch(realm, "first-admin", ADMIN_PASSWORD);
        run(admin, "communities", vars("first", 5)).body("errors", nullValue());

        run(Tokens.operator(), "tenantSuspend", vars("input", Map.of("tenantId", tenantId, "reason", "unpaid")))
                .body("data.tenantSuspend.tenant.status", equalTo("SUSPENDED"));
        run(admin, "communities", vars("first", 5)).body("errors[0].extensions.code", equalTo("TENANT_SUSPENDED"));
        run(admin, "communityCreate", vars("input", aCommunity().input()))
                .body("errors[0].extensions.code", equalTo("TENANT_SUSPENDED"));
        run(admin, "viewer").body("errors[0].extensions.code", equalTo("TENANT_SUSPENDED"));

        run(Tokens.operator(), "tenantResume", vars("input", Map.of("tenantId", tenantId)))
                .body("data.tenantResume.tenant.status", equalTo("ACTIVE"));
        run(admin, "communities", vars("first", 5)).body("errors", nullValue());
    }

    @Test
    void suspensionEndsOpenSubscriptions() throws Exception {
        String realm = "t" + UUID.randomUUID().toString().substring(0, 8);
        String tenantId = run(Tokens.operator(), "tenantProvision", vars("input", provisionInput(realm)))
                .extract().path("data.tenantProvision.tenant.id");
        KeycloakAdmin.addPasswordClient(realm);
        String admin = Tokens.fetch(realm, "first-admin", ADMIN_PASSWORD);
        try (GraphQLWebSocket socket = GraphQLWebSocket.open(admin)) {
            socket.awaitAck();
            socket.subscribe("1", GraphQL.document("communityEvents"));
            Thread.sleep(300);
            run(Tokens.operator(), "tenantSuspend", vars("input", Map.of("tenantId", tenantId)))
                    .body("data.tenantSuspend.tenant.status", equalTo("SUSPENDED"));
            // the next change of the tenant (here written by another replica) ends the subscription
            AnotherReplica.createCommunity(realm, "After suspension");
            JsonObject answer = socket.nextData(10);
            assertEquals("TENANT_SUSPENDED", answer.getJsonArray("errors").getJsonObject(0).getJsonObject("extensions")
                    .getString("code"), answer.encode());
            JsonObject end = socket.next(5);
            assertEquals("complete", end == null ? null : end.getString("type"), String.valueOf(end));
        }
    }

    private static Map<String, Object> provisionInput(String realm) {
        Map<String, Object> input = new HashMap<>();
        input.put("realm", realm);
        input.put("name", "Tenant " + realm);
        input.put("adminEmail", "first-admin@" + "example.com");
        input.put("adminUsername", "first-admin");
        input.put("adminFirstName", "First");
        input.put("adminLastName", "Admin");
        input.put("adminPassword", ADMIN_PASSWORD);
        return input;
    }
}
