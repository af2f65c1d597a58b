package io.animo.platform;

import static io.animo.support.GraphQL.run;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsTest {

    /** The management interface: its own port, where health and metrics live. */
    static String management() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        return "http://localhost:" + port;
    }

    @Test
    void livenessAndReadinessIncludingTheDatabaseOnTheManagementPort() {
        given().baseUri(management()).when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(management()).when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body(containsString("PostgreSQL (reactive pool)"));
    }

    @Test
    void prometheusMetricsCountGraphQLRequestsOnTheManagementPort() {
        run(Tokens.of(Tokens.ACME, "member"), "communities", Map.of("first", 1));
        given().baseUri(management()).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("mp_graphql"))
                .body(containsString("communities"));
    }

    @Test
    void thePublicPortServesNeitherHealthNorMetrics() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);
    }
}
