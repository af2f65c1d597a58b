package io.animo.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.animo.tenancy.domain.TenantDirectory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.json.JsonObject;

/**
 * Requests that arrive while the tenant directory reads the tenant table again share that one read: each must go
 * on in its own request (its caller, its roles), not in the one that started the read.
 */
@QuarkusTest
class TenantDirectoryReloadTest {

    private static final int CONCURRENT = 48;

    @Inject
    TenantDirectory directory;

    @Test
    void requestsSharingAReloadAreEachServedAsTheirOwnCaller() throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI graphql = URI.create("http://localhost:" + RestAssured.port + "/graphql");
        String body = new JsonObject().put("query", "{ viewer { username roles } }").encode();
        List<String> tenants = List.of(Tokens.ACME, Tokens.ACME, Tokens.GLOBEX);
        List<String> people = List.of("member", "moderator", "member");
        List<String> tokens = List.of(Tokens.of(tenants.get(0), people.get(0)), Tokens.of(tenants.get(1), people.get(1)),
                Tokens.of(tenants.get(2), people.get(2)));
        for (int attempt = 0; attempt < 30; attempt++) {
            // the first round opens the connections and verifies the tokens; later rounds reach the reload together
            directory.forget();
            List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < CONCURRENT; i++) {
                HttpRequest request = HttpRequest.newBuilder(graphql)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + tokens.get(i % tokens.size()))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                responses.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
            }
            for (int i = 0; i < CONCURRENT; i++) {
                HttpResponse<String> response = responses.get(i).get();
                JsonObject answer = new JsonObject(response.body());
                assertEquals(200, response.statusCode(), response.body());
                assertEquals(null, answer.getValue("errors"), response.body());
                int who = i % tokens.size();
                JsonObject viewer = answer.getJsonObject("data").getJsonObject("viewer");
                assertEquals(Tokens.usernameIn(tenants.get(who), people.get(who)), viewer.getString("username"),
                        response.body());
                assertTrue(viewer.getJsonArray("roles").contains(people.get(who)), response.body());
            }
        }
    }
}
