package io.animo.platform;

import static io.animo.support.GraphQL.document;
import static io.animo.support.GraphQL.raw;
import static io.animo.support.GraphQL.run;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.animo.support.KeycloakAdmin;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

@QuarkusTest
class AuthenticationTest {

    @Test
    void anonymousRequestIsRefusedWithUnauthenticated() {
        run(null, "communities", Map.of("first", 5))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"))
                .body("errors[0].message", not(containsString("Exception")));
        run(null, "viewer").body("errors[0].extensions.code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        String forged = forgeToken(Tokens.keycloakUrl() + "/realms/acme", System.currentTimeMillis() / 1000 + 300);
        raw(forged, document("viewer"), Map.of()).then().statusCode(401);
    }

    @Test
    void tokenOfForeignIssuerIsRefused() throws Exception {
        String foreign = forgeToken("https://evil.example/realms/acme", System.currentTimeMillis() / 1000 + 300);
        raw(foreign, document("viewer"), Map.of()).then().statusCode(401);
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        // a genuine token of a realm whose tokens live 2 seconds, used after it expired (it was verified and
        // remembered by its first use: the memory forgets it when it expires)
        String realm = "exp" + java.util.UUID.randomUUID().toString().substring(0, 8);
        run(Tokens.operator(), "tenantProvision", Map.of("input", Map.of("realm", realm, "name", "Expiring",
                "adminEmail", "a@expiring.example", "adminUsername", "first-admin", "adminFirstName", "First",
                "adminLastName", "Admin", "adminPassword", "first-admin-pass-123")))
                .body("data.tenantProvision.userErrors", org.hamcrest.Matchers.empty());
        KeycloakAdmin.addPasswordClient(realm);
        KeycloakAdmin.setAccessTokenLifespan(realm, 2);
        String token = Tokens.fetch(realm, "first-admin", "first-admin-pass-123");
        raw(token, document("viewer"), Map.of()).then().statusCode(200).body("data.viewer.tenant.realm", equalTo(realm));
        Thread.sleep(4_000);
        raw(token, document("viewer"), Map.of()).then().statusCode(401);
    }

    @Test
    void editedTokenIsRefused() {
        // a genuine Keycloak token whose payload was edited: the signature no longer matches
        String real = Tokens.of(Tokens.ACME, "member");
        String[] parts = real.split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.put("exp", System.currentTimeMillis() / 1000 + 86_400);
        String tampered = parts[0] + "." + b64(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        raw(tampered, document("viewer"), Map.of()).then().statusCode(401);
    }

    @Test
    void aTokenVerifiedBeforeIsRecognisedByItsExactTextOnly() {
        // the first request verifies the token and remembers it; a copy with one character of its signature
        // changed is another text, verified in full, and refused
        String real = Tokens.of(Tokens.GLOBEX, "analyst");
        raw(real, document("viewer"), Map.of()).then().statusCode(200);
        int at = real.lastIndexOf('.') + 10;
        String altered = real.substring(0, at) + (real.charAt(at) == 'A' ? 'B' : 'A') + real.substring(at + 1);
        raw(altered, document("viewer"), Map.of()).then().statusCode(401);
        raw(real, document("viewer"), Map.of()).then().statusCode(200)
                .body("data.viewer.roles", org.hamcrest.Matchers.hasItem("analyst"));
    }

    @Test
    void tokenWithTamperedIssuerPointingAtAnotherTenantIsRefused() {
        String real = Tokens.of(Tokens.ACME, "admin");
        String[] parts = real.split("\\.");
        JsonObject claims = new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        claims.put("iss", Tokens.keycloakUrl() + "/realms/globex");
        String tampered = parts[0] + "." + b64(claims.encode().getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        raw(tampered, document("viewer"), Map.of()).then().statusCode(401);
    }

    @Test
    void tokenOfUnknownRealmIsRefusedWithoutServerError() throws Exception {
        String unknown = forgeToken(Tokens.keycloakUrl() + "/realms/no-such-realm", System.currentTimeMillis() / 1000 + 300);
        raw(unknown, document("viewer"), Map.of()).then().statusCode(401);
    }

    @Test
    void viewerTellsTenantAndRoles() {
        run(Tokens.of(Tokens.ACME, "manager"), "viewer")
                .body("data.viewer.username", equalTo(Tokens.usernameIn(Tokens.ACME, "manager")))
                .body("data.viewer.tenant.realm", equalTo(Tokens.realmOf(Tokens.ACME)))
                .body("data.viewer.roles", org.hamcrest.Matchers.hasItem("community-manager"))
                .body("data.viewer.platformOperator", equalTo(false));
        run(Tokens.operator(), "viewer")
                .body("data.viewer.tenant", nullValue())
                .body("data.viewer.platformOperator", equalTo(true));
    }

    private static String forgeToken(String issuer, long exp) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String header = b64(new JsonObject().put("alg", "RS256").put("typ", "JWT").put("kid", "forged").encode()
                .getBytes(StandardCharsets.UTF_8));
        String payload = b64(new JsonObject().put("iss", issuer).put("sub", "intruder").put("aud", "animo-api")
                .put("exp", exp).put("iat", exp - 300).put("preferred_username", "intruder")
                .put("realm_access", new JsonObject().put("roles", new io.vertx.core.json.JsonArray().add("tenant-admin")))
                .encode().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + b64(signature.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
