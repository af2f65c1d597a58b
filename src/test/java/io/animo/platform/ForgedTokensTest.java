package io.animo.platform;

import static io.animo.support.GraphQL.raw;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.animo.platform.security.KeycloakTenantConfigResolver;
import io.animo.support.Tokens;
import io.animo.tenancy.domain.TenantDirectory;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/** Tokens naming made-up realms are free to send: they must be free to refuse too, and must not disturb real tenants. */
@QuarkusTest
class ForgedTokensTest {

    private static final int FORGED_REALMS = 3_000;

    @Inject
    TenantDirectory directory;

    @Inject
    KeycloakTenantConfigResolver resolver;

    @Test
    void aFloodOfMadeUpIssuersCostsNoDatabaseRoundTripsAndEvictsNoRealTenant() throws Exception {
        raw(Tokens.of(Tokens.ACME, "member"), "{ viewer { username } }", Map.of()).then().body("errors", nullValue());
        OidcTenantConfig acmeBefore = resolver.configFor(Tokens.ACME).await().atMost(Duration.ofSeconds(10));
        long loadsBefore = directory.loads();
        long started = System.nanoTime();

        List<Integer> statuses = flood(FORGED_REALMS);

        long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
        long loads = directory.loads() - loadsBefore;
        assertTrue(statuses.stream().allMatch(status -> status == 401), "forged tokens are refused with 401");
        // the directory reads the tenant table at most once a second for unknown realms, whatever their number
        assertTrue(loads <= seconds + 2, FORGED_REALMS + " forged realms in " + seconds + " s read the tenants " + loads
                + " times");
        // the real tenant's OIDC configuration is the very same instance, and its people are served at once
        assertSame(acmeBefore, resolver.configFor(Tokens.ACME).await().atMost(Duration.ofSeconds(10)));
        raw(Tokens.of(Tokens.ACME, "member"), "{ viewer { username } }", Map.of()).then().statusCode(200)
                .body("errors", nullValue());
    }

    /** Unsigned tokens whose issuer names a different, well-formed realm of our own Keycloak each time. */
    private static List<Integer> flood(int count) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI graphql = URI.create("http://localhost:" + RestAssured.port + "/graphql");
        String body = new JsonObject().put("query", "{ viewer { username } }").encode();
        Semaphore inFlight = new Semaphore(32);
        List<CompletableFuture<Integer>> responses = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(graphql)
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + unsigned(Tokens.keycloakUrl() + "/realms/forged-" + i))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> inFlight.release())
                    .thenApply(HttpResponse::statusCode));
        }
        List<Integer> statuses = new ArrayList<>();
        for (CompletableFuture<Integer> response : responses) {
            statuses.add(response.join());
        }
        assertEquals(count, statuses.size());
        return statuses;
    }

    private static String unsigned(String issuer) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(new JsonObject().put("iss", issuer).put("sub", "intruder")
                .put("aud", "animo-api").put("exp", System.currentTimeMillis() / 1000 + 300).encode()
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + "." + b64.encodeToString(new byte[64]);
    }
}
