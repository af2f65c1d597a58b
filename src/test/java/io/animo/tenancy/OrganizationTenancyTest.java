package io.animo.tenancy;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.document;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.GraphQLWebSocket;
import io.animo.support.Organizations;
import io.animo.support.TestTenants;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Organization tenants: many tenants as organizations of one shared realm, next to realm tenants, behind the same
 * API. The tenant comes from the verified token only (issuer, then the organization claim), and two organizations
 * of the same realm are as far apart as two realms.
 */
@QuarkusTest
class OrganizationTenancyTest {

    @Test
    void operatorProvisionsAnOrganizationWhosePeopleUseTheApi() {
        Organizations.Provisioned org = Organizations.provision("o");
        String admin = org.adminToken();
        run(admin, "viewer")
                .body("errors", nullValue())
                .body("data.viewer.tenant.id", equalTo(org.id()))
                .body("data.viewer.tenant.kind", equalTo("ORGANIZATION"))
                .body("data.viewer.tenant.organization", equalTo(org.alias()))
                .body("data.viewer.tenant.realm", equalTo(Organizations.REALM))
                .body("data.viewer.roles", equalTo(List.of("member", "tenant-admin")));
        run(org.secondToken(), "viewer").body("data.viewer.roles", equalTo(List.of("member")));

        Map<String, Object> community = aCommunity().in(org.alias()).by(TestTenants.ADMIN).named("Org garden").create();
        run(org.secondToken(), "community", vars("id", community.get("id")))
                .body("data.community.name", equalTo("Org garden"));
        run(org.secondToken(), "communityCreate", vars("input", aCommunity().input()))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(Tokens.operator(), "tenants", vars("first", 100))
                .body("data.tenants.edges.node.organization", hasItem(org.alias()))
                .body("data.tenants.edges.node.kind", hasItems("REALM", "ORGANIZATION"));
    }

    @Test
    void twoOrganizationsOfOneRealmNeverSeeOrChangeEachOthersData() throws Exception {
        Organizations.Provisioned a = Organizations.provision("oa");
        Organizations.Provisioned b = Organizations.provision("ob");
        assertIsolated(a.alias(), b.alias());
        assertIsolated(b.alias(), a.alias());
    }

    @Test
    void realmTenantAndOrganizationNeverSeeOrChangeEachOthersData() throws Exception {
        Organizations.Provisioned org = Organizations.provision("or");
        assertIsolated(org.alias(), Tokens.ACME);
        assertIsolated(Tokens.ACME, org.alias());
    }

    /** What {@code owner} creates, {@code other}'s admin neither reads, changes nor hears of. */
    private static void assertIsolated(String owner, String other) throws Exception {
        String otherAdmin = adminOf(other);
        try (GraphQLWebSocket otherSocket = GraphQLWebSocket.open(otherAdmin);
                GraphQLWebSocket ownerSocket = GraphQLWebSocket.open(adminOf(owner))) {
            otherSocket.awaitAck();
            ownerSocket.awaitAck();
            otherSocket.subscribe("1", document("communityEvents"));
            ownerSocket.subscribe("1", document("communityEvents"));
            Thread.sleep(300);

            Map<String, Object> secret = aCommunity().in(owner).by(adminUsername(owner)).named("Secret of " + owner)
                    .create();
            assertNotNull(ownerSocket.nextData(10), "the owner hears of its own community");
            assertNull(otherSocket.nextData(1), "the other tenant hears nothing");

            run(otherAdmin, "community", vars("id", secret.get("id"))).body("data.community", nullValue());
            run(otherAdmin, "node", vars("id", secret.get("id"))).body("data.node", nullValue());
            run(otherAdmin, "communities", vars("first", 100))
                    .body("data.communities.edges.node.id", not(hasItem(secret.get("id"))));
            run(otherAdmin, "communityUpdate", vars("input", Map.of("id", secret.get("id"), "version", 0, "name", "Taken")))
                    .body("data.communityUpdate.userErrors[0].code", equalTo("NOT_FOUND"));
            run(adminOf(owner), "community", vars("id", secret.get("id")))
                    .body("data.community.name", equalTo("Secret of " + owner));
        }
    }

    @Test
    void aPersonOfTwoOrganizationsChoosesOneAndHoldsOnlyItsRoles() {
        Organizations.Provisioned a = Organizations.provision("oc");
        Organizations.Provisioned b = Organizations.provision("od");
        String username = "both-" + UUID.randomUUID().toString().substring(0, 8);
        String userId = Organizations.createUser(username, Organizations.PASSWORD);
        Organizations.join(a.alias(), userId, List.of("member"));
        Organizations.join(b.alias(), userId, List.of("tenant-admin", "member"));

        String inA = Tokens.fetch(Organizations.REALM, username, Organizations.PASSWORD, "openid organization:" + a.alias());
        run(inA, "viewer")
                .body("data.viewer.tenant.id", equalTo(a.id()))
                .body("data.viewer.roles", equalTo(List.of("member")));
        run(inA, "communityCreate", vars("input", aCommunity().input()))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        String inB = Tokens.fetch(Organizations.REALM, username, Organizations.PASSWORD, "openid organization:" + b.alias());
        run(inB, "viewer")
                .body("data.viewer.tenant.id", equalTo(b.id()))
                .body("data.viewer.roles", equalTo(List.of("member", "tenant-admin")));

        // every organization at once: the token names no single tenant
        String both = Tokens.fetch(Organizations.REALM, username, Organizations.PASSWORD, "openid organization:*");
        run(both, "viewer")
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"))
                .body("errors[0].message", containsString("organization:<alias>"));
        // no organization asked for: none named
        String none = Tokens.fetch(Organizations.REALM, username, Organizations.PASSWORD, "openid");
        run(none, "communities", vars("first", 5)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void roleGroupsWithoutMembershipGiveNothing() {
        Organizations.Provisioned a = Organizations.provision("oe");
        Organizations.Provisioned b = Organizations.provision("of");
        // a member of a, put (by mistake or malice) in b's admin group without being one of b's members
        String userId = Organizations.addPerson(a.alias(), "intruder", List.of("member"));
        Organizations.joinGroup(userId, b.alias(), "tenant-admin");

        String token = Tokens.fetch(a.alias(), "intruder", Organizations.PASSWORD);
        run(token, "viewer")
                .body("data.viewer.tenant.id", equalTo(a.id()))
                .body("data.viewer.roles", equalTo(List.of("member")));
        // asking for b's scope: Keycloak leaves the claim out for a non-member
        String asB = Tokens.fetch(Organizations.REALM, Organizations.username(a.alias(), "intruder"),
                Organizations.PASSWORD, "openid organization:" + b.alias());
        run(asB, "communities", vars("first", 5)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void suspendingAnOrganizationLeavesTheOthersOfItsRealmRunning() {
        Organizations.Provisioned a = Organizations.provision("og");
        Organizations.Provisioned b = Organizations.provision("oh");
        run(Tokens.operator(), "tenantSuspend", vars("input", Map.of("tenantId", a.id())))
                .body("data.tenantSuspend.tenant.status", equalTo("SUSPENDED"));
        run(a.adminToken(), "communities", vars("first", 5)).body("errors[0].extensions.code", equalTo("TENANT_SUSPENDED"));
        run(b.adminToken(), "communities", vars("first", 5)).body("errors", nullValue());
        run(Tokens.operator(), "tenantResume", vars("input", Map.of("tenantId", a.id())))
                .body("data.tenantResume.tenant.status", equalTo("ACTIVE"));
        run(a.adminToken(), "communities", vars("first", 5)).body("errors", nullValue());
    }

    @Test
    void invalidOrganizationProvisioningIsAnsweredWithUserErrorsAndLeavesNoTenant() {
        Organizations.Provisioned taken = Organizations.provision("oi");
        Map<String, Object> sameAlias = organizationInput(taken.alias(), "someone-" + UUID.randomUUID());
        run(Tokens.operator(), "tenantProvision", vars("input", sameAlias))
                .body("data.tenantProvision.tenant", nullValue())
                .body("data.tenantProvision.userErrors[0].code", equalTo("ORGANIZATION_TAKEN"));

        String alias = "oj" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> sameUsername = organizationInput(alias, Organizations.username(taken.alias(), TestTenants.ADMIN));
        run(Tokens.operator(), "tenantProvision", vars("input", sameUsername))
                .body("data.tenantProvision.userErrors[0].code", equalTo("USERNAME_TAKEN"));
        run(Tokens.operator(), "tenants", vars("first", 100))
                .body("data.tenants.edges.node.organization", not(hasItem(alias)));
        // the refused alias is free again: nothing of it stayed in Keycloak either
        run(Tokens.operator(), "tenantProvision", vars("input", organizationInput(alias, "fresh-" + alias)))
                .body("data.tenantProvision.userErrors", empty());

        Map<String, Object> bad = organizationInput("Not An Alias!", "x-" + UUID.randomUUID());
        bad.put("realm", "also-a-realm");
        run(Tokens.operator(), "tenantProvision", vars("input", bad))
                .body("data.tenantProvision.userErrors.code", hasItems("INVALID_ORGANIZATION", "NOT_FOR_ORGANIZATIONS"));
        Map<String, Object> sharedRealm = organizationInput(null, "y-" + UUID.randomUUID());
        sharedRealm.put("kind", "REALM");
        sharedRealm.put("realm", Organizations.REALM);
        run(Tokens.operator(), "tenantProvision", vars("input", sharedRealm))
                .body("data.tenantProvision.userErrors[0].code", equalTo("REALM_RESERVED"));
    }

    @Test
    void organizationPeopleAreNoOperatorsAndOperatorsNoOrganizationPeople() {
        Organizations.Provisioned org = Organizations.provision("ok");
        run(org.adminToken(), "tenants", vars("first", 5)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(org.adminToken(), "tenantSuspend", vars("input", Map.of("tenantId", org.id())))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        JsonObject claims = Tokens.claims(org.adminToken());
        assertEquals(List.of(org.alias()), claims.getJsonArray("organization").getList());
    }

    @Test
    void organizationAdminsManageTheirOwnPeopleAndNoOneElses() {
        Organizations.Provisioned a = Organizations.provision("op");
        Organizations.Provisioned b = Organizations.provision("oq");
        String adminA = a.adminToken();
        String newcomer = Organizations.username(a.alias(), "newcomer");
        Map<String, Object> person = new HashMap<>(Map.of("username", newcomer, "email", newcomer + "@example.com",
                "firstName", "New", "lastName", "Comer", "roles", List.of("moderator", "member"),
                "password", Organizations.PASSWORD));
        run(adminA, "organizationPersonAdd", vars("input", person))
                .body("data.organizationPersonAdd.userErrors", empty())
                .body("data.organizationPersonAdd.person.roles", equalTo(List.of("member", "moderator")))
                .body("data.organizationPersonAdd.temporaryPassword", nullValue());
        run(Tokens.fetch(a.alias(), "newcomer", Organizations.PASSWORD), "viewer")
                .body("data.viewer.tenant.id", equalTo(a.id()))
                .body("data.viewer.roles", equalTo(List.of("member", "moderator")));
        run(adminA, "organizationPeople", vars("first", 50))
                .body("data.organizationPeople.username", hasItems(newcomer, Organizations.username(a.alias(), "second")))
                .body("data.organizationPeople.username", not(hasItem(Organizations.username(b.alias(), "second"))));

        run(adminA, "organizationPeople", vars("search", "x".repeat(101), "first", 5))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        run(adminA, "organizationPeople", vars("first", 1000))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));

        // the same username again, bad input: user errors, nothing changed
        run(adminA, "organizationPersonAdd", vars("input", person))
                .body("data.organizationPersonAdd.userErrors[0].code", equalTo("USERNAME_TAKEN"));
        Map<String, Object> bad = new HashMap<>(person);
        bad.put("username", "x");
        bad.put("roles", List.of("owner"));
        run(adminA, "organizationPersonAdd", vars("input", bad))
                .body("data.organizationPersonAdd.userErrors.code", hasItems("INVALID_USERNAME", "INVALID_ROLE"));

        run(adminA, "organizationPersonRolesSet", vars("input", Map.of("username", newcomer, "roles", List.of("analyst"))))
                .body("data.organizationPersonRolesSet.person.roles", equalTo(List.of("analyst")));
        // every member of the organization is a member of its tenant, as a realm's default role makes everyone
        run(Tokens.fetch(a.alias(), "newcomer", Organizations.PASSWORD), "viewer")
                .body("data.viewer.roles", equalTo(List.of("analyst", "member")));

        // b's admin, a's members and a realm tenant's admin touch none of a's people
        String adminB = b.adminToken();
        run(adminB, "organizationPersonRolesSet", vars("input", Map.of("username", newcomer, "roles", List.of("tenant-admin"))))
                .body("data.organizationPersonRolesSet.userErrors[0].code", equalTo("NOT_FOUND"));
        run(adminB, "organizationPersonRemove", vars("input", Map.of("username", newcomer)))
                .body("data.organizationPersonRemove.userErrors[0].code", equalTo("NOT_FOUND"));
        run(a.secondToken(), "organizationPersonRemove", vars("input", Map.of("username", newcomer)))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(Tokens.of(Tokens.ACME, "admin"), "organizationPeople", vars("first", 5))
                .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(adminA, "organizationPersonRemove", vars("input", Map.of("username",
                Organizations.username(a.alias(), TestTenants.ADMIN))))
                .body("data.organizationPersonRemove.userErrors[0].code", equalTo("CANNOT_CHANGE_SELF"));

        run(adminA, "organizationPersonRemove", vars("input", Map.of("username", newcomer)))
                .body("data.organizationPersonRemove.userErrors", empty());
        String removed = Tokens.fetch(Organizations.REALM, newcomer, Organizations.PASSWORD,
                "openid organization:" + a.alias());
        run(removed, "communities", vars("first", 5)).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        run(adminA, "auditLog", vars("first", 20))
                .body("data.auditLog.edges.node.action", hasItems("PERSON_ADDED", "PERSON_ROLES_SET", "PERSON_REMOVED"));
        run(adminB, "auditLog", vars("first", 20))
                .body("data.auditLog.edges.node.action", not(hasItem("PERSON_ADDED")));
    }

    private static Map<String, Object> organizationInput(String alias, String username) {
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "ORGANIZATION");
        input.put("organization", alias);
        input.put("name", "Organization " + alias);
        input.put("adminEmail", username + "@example.com");
        input.put("adminUsername", username);
        input.put("adminFirstName", "First");
        input.put("adminLastName", "Admin");
        input.put("adminPassword", Organizations.PASSWORD);
        return input;
    }

    private static String adminOf(String tenant) {
        return Organizations.isOrganization(tenant)
                ? Tokens.fetch(tenant, TestTenants.ADMIN, Organizations.PASSWORD)
                : Tokens.of(tenant, "admin");
    }

    private static String adminUsername(String tenant) {
        return Organizations.isOrganization(tenant) ? TestTenants.ADMIN : "admin";
    }
}
