package io.animo.support;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

/** Real access tokens from the test Keycloak (password grant of the seeded {@code animo-cli} client). */
public final class Tokens {

    public static final String ACME = "acme";
    public static final String GLOBEX = "globex";
    public static final String PLATFORM = "animo-platform";
    public static final String PASSWORD = "secret-pass";

    private record Cached(String token, long expiresAt) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String keycloakUrl() {
        return ConfigProvider.getConfig().getValue("animo.keycloak.url", String.class);
    }

    /** A token of a seeded person (admin, manager, moderator, analyst, member) of a seeded tenant. */
    public static String of(String realm, String username) {
        return of(realm, username, PASSWORD);
    }

    public static String operator() {
        return of(PLATFORM, "operator");
    }

    public static String of(String realm, String username, String password) {
        // one login at a time per person: Keycloak's brute-force detector may refuse parallel logins of one user
        return CACHE.compute(realm + "/" + username, (key, cached) -> cached != null
                && cached.expiresAt() > System.currentTimeMillis()
                        ? cached
                        : new Cached(fetch(realm, username, password), System.currentTimeMillis() + 120_000))
                .token();
    }

    public static String fetch(String realm, String username, String password) {
        return given().baseUri(keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "animo-cli")
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", "openid")
                .when().post("/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** A token of the service account of the tenant's {@code animo-integration} client (client credentials). */
    public static String integration(String realm) {
        String key = realm + "/service-account-animo-integration";
        Cached cached = CACHE.get(key);
        if (cached != null && cached.expiresAt() > System.currentTimeMillis()) {
            return cached.token();
        }
        String admin = keycloakAdmin();
        String clientId = given().baseUri(keycloakUrl()).auth().oauth2(admin)
                .queryParam("clientId", "animo-integration")
                .when().get("/admin/realms/" + realm + "/clients")
                .then().statusCode(200).extract().path("[0].id");
        String secret = given().baseUri(keycloakUrl()).auth().oauth2(admin)
                .when().get("/admin/realms/" + realm + "/clients/" + clientId + "/client-secret")
                .then().statusCode(200).extract().path("value");
        String token = given().baseUri(keycloakUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "animo-integration")
                .formParam("client_secret", secret)
                .when().post("/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        CACHE.put(key, new Cached(token, System.currentTimeMillis() + 120_000));
        return token;
    }

    /** A token of the master realm's bootstrap admin, for test set-up through the Keycloak admin API. */
    public static String keycloakAdmin() {
        return given().baseUri(keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "admin-cli")
                .formParam("username", "admin")
                .formParam("password", "admin")
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }
}
