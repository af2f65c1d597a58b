package io.animo.support;

import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;

/**
 * Organization tenants for tests: provisioned through the API in the shared organizations realm, their people
 * added the way Animo adds them (organization member, role groups {@code /<alias>/<role>}), through the real
 * Keycloak admin API. A person {@code u} of organization {@code a} signs in as {@code a-u}.
 */
public final class Organizations {

    public static final String REALM = "animo-organizations";
    public static final String PASSWORD = TestTenants.PASSWORD;
    /**
     * {@code -Danimo.test.tenant-kind=ORGANIZATION}: the seed tenants acme and globex are organizations of the shared
     * realm (and the tenants tests provision too), so every test runs against organization tenants.
     */
    public static final boolean SEEDS_ARE_ORGANIZATIONS = "ORGANIZATION".equals(System.getProperty("animo.test.tenant-kind"));
    /** Alias → password of its people. */
    private static final Map<String, String> ALIASES = new ConcurrentHashMap<>();

    static {
        if (SEEDS_ARE_ORGANIZATIONS) {
            ALIASES.put(Tokens.ACME, Tokens.PASSWORD);
            ALIASES.put(Tokens.GLOBEX, Tokens.PASSWORD);
        }
    }

    private Organizations() {
    }

    public static boolean isOrganization(String tenant) {
        return ALIASES.containsKey(tenant);
    }

    /** The password of the people of an organization tenant. */
    public static String passwordOf(String alias) {
        return ALIASES.get(alias);
    }

    public static String username(String alias, String username) {
        return alias + "-" + username;
    }

    /** An organization tenant: its alias and id; its first admin {@code first-admin} and a member {@code second}. */
    public record Provisioned(String alias, String id) {

        public String adminToken() {
            return Tokens.fetch(alias, TestTenants.ADMIN, PASSWORD);
        }

        public String secondToken() {
            return Tokens.fetch(alias, "second", PASSWORD);
        }
    }

    public static Provisioned provision(String prefix) {
        String alias = prefix + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = new HashMap<>();
        input.put("kind", "ORGANIZATION");
        input.put("organization", alias);
        input.put("name", "Organization " + alias);
        input.put("adminEmail", alias + "-first-admin@example.com");
        input.put("adminUsername", username(alias, TestTenants.ADMIN));
        input.put("adminFirstName", "First");
        input.put("adminLastName", "Admin");
        input.put("adminPassword", PASSWORD);
        String id = run(Tokens.operator(), "tenantProvision", vars("input", input))
                .body("data.tenantProvision.userErrors", empty())
                .extract().path("data.tenantProvision.tenant.id");
        ALIASES.put(alias, PASSWORD);
        addPerson(alias, "second", List.of("member"));
        return new Provisioned(alias, id);
    }

    /** A person of the organization with the roles given (groups /alias/role); returns the user's id. */
    public static String addPerson(String alias, String username, List<String> roles) {
        return addPerson(alias, username, passwordOf(alias), roles);
    }

    public static String addPerson(String alias, String username, String password, List<String> roles) {
        String userId = createUser(username(alias, username), password);
        join(alias, userId, roles);
        return userId;
    }

    /** Makes an existing person of the shared realm a member of the organization with the roles given. */
    public static void join(String alias, String userId, List<String> roles) {
        admin().contentType(ContentType.JSON).body("\"" + userId + "\"")
                .when().post("/admin/realms/" + REALM + "/organizations/" + organizationId(alias) + "/members")
                .then().statusCode(201);
        for (String role : roles) {
            joinGroup(userId, alias, role);
        }
    }

    /** Puts a person in a role group of an organization (whether or not they are one of its members). */
    public static void joinGroup(String userId, String alias, String role) {
        String groupId = admin().when().get("/admin/realms/" + REALM + "/group-by-path/" + alias + "/" + role)
                .then().statusCode(200).extract().path("id");
        admin().when().put("/admin/realms/" + REALM + "/users/" + userId + "/groups/" + groupId)
                .then().statusCode(204);
    }

    public static String createUser(String username, String password) {
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@example.com",
                "firstName", username, "lastName", "Test", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        admin().contentType(ContentType.JSON).body(user)
                .when().post("/admin/realms/" + REALM + "/users")
                .then().statusCode(201);
        return admin().queryParam("username", username).queryParam("exact", true)
                .when().get("/admin/realms/" + REALM + "/users")
                .then().statusCode(200).extract().path("[0].id");
    }

    private static String organizationId(String alias) {
        List<Map<String, Object>> all = admin().queryParam("max", 10_000)
                .when().get("/admin/realms/" + REALM + "/organizations")
                .then().statusCode(200).extract().path("");
        return all.stream().filter(o -> alias.equals(o.get("alias"))).findFirst()
                .map(o -> o.get("id").toString())
                .orElseThrow(() -> new IllegalStateException("No organization " + alias));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin());
    }
}
