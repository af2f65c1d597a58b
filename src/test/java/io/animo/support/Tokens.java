package io.animo.support;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.vertx.core.json.JsonObject;

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

    /** How Keycloak knows a person of a tenant: as named in a realm, {@code <alias>-<username>} in the organizations realm. */
    public static String usernameIn(String tenant, String username) {
        return Organizations.isOrganization(tenant) ? Organizations.username(tenant, username) : username;
    }

    /** The realm a tenant's people sign in to. */
    public static String realmOf(String tenant) {
        return Organizations.isOrganization(tenant) ? Organizations.REALM : tenant;
    }

    /** A token of a seeded person (admin, manager, moderator, analyst, member) of a seeded tenant. */
    public static String of(String realm, String username) {
        return of(realm, username, Organizations.isOrganization(realm) ? Organizations.passwordOf(realm) : PASSWORD);
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

    /**
     * A person's token. {@code tenant} is a realm, or the alias of an organization tenant (see {@link Organizations}):
     * its people sign in to the shared realm as {@code <alias>-<username>}, with the scope of that organization.
     */
    public static String fetch(String tenant, String username, String password) {
        if (Organizations.isOrganization(tenant)) {
            return fetch(Organizations.REALM, Organizations.username(tenant, username), password,
                    "openid organization:" + tenant);
        }
        return fetch(tenant, username, password, "openid");
    }

    /** A token of a realm's person with the scopes asked. */
    public static String fetch(String realm, String username, String password, String scope) {
        return given().baseUri(keycloakUrl())
                .formParam("grant_type", "password")
                .formParam("client_id", "animo-cli")
                .formParam("username", username)
                .formParam("password", password)
                .formParam("scope", scope)
                .when().post("/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /**
     * A token of the tenant's integration account (client credentials): the service account of {@code animo-integration}
     * in a realm tenant, of {@code animo-integration-<alias>} for an organization.
     */
    public static String integration(String tenant) {
        String key = tenant + "/service-account-animo-integration";
        Cached cached = CACHE.get(key);
        if (cached != null && cached.expiresAt() > System.currentTimeMillis()) {
            return cached.token();
        }
        // an organization's integration client is animo-integration-<alias>, in the shared realm
        String realm = realmOf(tenant);
        String client = Organizations.isOrganization(tenant) ? "animo-integration-" + tenant : "animo-integration";
        String admin = keycloakAdmin();
        String clientId = given().baseUri(keycloakUrl()).auth().oauth2(admin)
                .queryParam("clientId", client)
                .when().get("/admin/realms/" + realm + "/clients")
                .then().statusCode(200).extract().path("[0].id");
        String secret = given().baseUri(keycloakUrl()).auth().oauth2(admin)
                .when().get("/admin/realms/" + realm + "/clients/" + clientId + "/client-secret")
                .then().statusCode(200).extract().path("value");
        String token = given().baseUri(keycloakUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", client)
                .formParam("client_secret", secret)
                .when().post("/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
        CACHE.put(key, new Cached(token, System.currentTimeMillis() + 120_000));
        return token;
    }

    /** A token of Animo's provisioning account (client credentials of the master client animo-provisioner). */
    public static String provisioner() {
        return given().baseUri(keycloakUrl())
                .formParam("grant_type", "client_credentials")
                .formParam("client_id", "animo-provisioner")
                .formParam("client_secret", "animo-provisioner-local-secret")
                .when().post("/realms/master/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path("access_token");
    }

    /** The claims of a token, read without verification (what the test asked Keycloak for). */
    public static JsonObject claims(String token) {
        return new JsonObject(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8));
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
