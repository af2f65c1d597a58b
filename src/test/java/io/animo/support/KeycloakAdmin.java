package io.animo.support;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Test set-up through the real Keycloak admin REST API. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    /** Makes sure a realm has the password-grant client {@code animo-cli}, so a test can log its people in. */
    public static void addPasswordClient(String realm) {
        if (Organizations.isOrganization(realm)) {
            return; // the shared realm has it
        }
        Map<String, Object> client = Map.of(
                "clientId", "animo-cli",
                "publicClient", true,
                "directAccessGrantsEnabled", true,
                "standardFlowEnabled", false,
                "protocolMappers", List.of(Map.of(
                        "name", "animo-api audience",
                        "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", "animo-api", "access.token.claim", "true"))));
        // 409: Animo added it when it provisioned the realm (animo.keycloak.password-grant-client)
        given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin())
                .contentType(ContentType.JSON).body(client)
                .when().post("/admin/realms/" + realm + "/clients")
                .then().statusCode(anyOf(is(201), is(409)));
    }

    /** Status of listing a realm's users with someone's token: 200 when they administer that realm. */
    public static int listUsersStatus(String token, String realm) {
        return given().baseUri(Tokens.keycloakUrl()).auth().oauth2(token)
                .when().get("/admin/realms/" + realm + "/users")
                .then().extract().statusCode();
    }

    public static void setAccessTokenLifespan(String realm, int seconds) {
        given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin())
                .contentType(ContentType.JSON).body(Map.of("accessTokenLifespan", seconds))
                .when().put("/admin/realms/" + realm)
                .then().statusCode(204);
    }

    /** A person of the realm with a password and the realm roles given (besides the realm's default ones). */
    public static void createUser(String realm, String username, String password, List<String> roles) {
        if (Organizations.isOrganization(realm)) {
            Organizations.addPerson(realm, username, password, roles);
            return;
        }
        Map<String, Object> user = Map.of("username", username, "enabled", true, "email", username + "@example.com",
                "firstName", username, "lastName", "Test", "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
        given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin())
                .contentType(ContentType.JSON).body(user)
                .when().post("/admin/realms/" + realm + "/users")
                .then().statusCode(201);
        String id = given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin())
                .queryParam("username", username).queryParam("exact", true)
                .when().get("/admin/realms/" + realm + "/users")
                .then().statusCode(200).extract().path("[0].id");
        List<Map<String, Object>> realmRoles = roles.stream().map(role -> given().baseUri(Tokens.keycloakUrl())
                .auth().oauth2(Tokens.keycloakAdmin()).when().get("/admin/realms/" + realm + "/roles/" + role)
                .then().statusCode(200).extract().<Map<String, Object>>path("")).toList();
        given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin())
                .contentType(ContentType.JSON).body(realmRoles)
                .when().post("/admin/realms/" + realm + "/users/" + id + "/role-mappings/realm")
                .then().statusCode(204);
    }

    /** A new tenant realm made from the same template the service provisions tenants with. */
    public static void createTenantRealm(String realm) throws java.io.IOException {
        String template = java.nio.file.Files.readString(java.nio.file.Path.of("deploy/keycloak/tenant-realm-template.json"));
        given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin())
                .contentType(ContentType.JSON).body(template.replace("\"TEMPLATE\"", "\"" + realm + "\""))
                .when().post("/admin/realms")
                .then().statusCode(201);
    }

    public static int realmStatus(String realm) {
        return given().baseUri(Tokens.keycloakUrl()).auth().oauth2(Tokens.keycloakAdmin())
                .when().get("/admin/realms/" + realm)
                .then().extract().statusCode();
    }
}
