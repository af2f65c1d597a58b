package io.animo.platform;

import static io.animo.support.GraphQL.raw;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.animo.support.Parallel;
import io.animo.support.TestTenants;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The fair share of ARCHITECTURE §4: a budget per caller and per tenant, and bounded connections per operation. */
@QuarkusTest
class FairShareTest {

    private static final String LIST = "{ communities(first: 20) { totalCount edges { node { id name slug } } } }";

    @Test
    void everyResponseSaysWhatItCostAndWhatIsLeft() {
        Map<String, Object> cost = raw(Tokens.of(Tokens.ACME, "member"), LIST, Map.of()).then().statusCode(200)
                .body("errors", nullValue())
                .body("extensions.cost.requested", greaterThan(0))
                .body("extensions.cost.remaining", notNullValue())
                .extract().path("extensions.cost");
        Instant resetAt = Instant.parse((String) cost.get("resetAt"));
        assertTrue(!resetAt.isBefore(Instant.now().minusSeconds(1)), "resetAt " + resetAt);
        int query = raw(Tokens.of(Tokens.ACME, "member"), "{ viewer { username } }", Map.of())
                .then().extract().path("extensions.cost.requested");
        int mutation = raw(Tokens.of(Tokens.ACME, "member"), "mutation { communityJoin(input: {communityId: \"x\"})"
                + " { userErrors { code } } }", Map.of()).then().extract().path("extensions.cost.requested");
        assertTrue(mutation > query, "a mutation (" + mutation + ") costs more than a small query (" + query + ")");
    }

    @Test
    void aCallerAndThenTheirTenantRunOutOfBudgetAndOtherTenantsDoNot() throws InterruptedException {
        TestTenants.Provisioned tenant = TestTenants.provision("fair");
        // a small budget that refills very slowly: what this test spends does not come back while it runs
        run(Tokens.operator(), "tenantLimitsSet", vars("input", Map.of("tenantId", tenant.id(), "tenantCapacity", 3_000,
                "tenantRefillPerSecond", 1, "callerCapacity", 2_000, "callerRefillPerSecond", 1)))
                .body("data.tenantLimitsSet.userErrors", empty())
                .body("data.tenantLimitsSet.tenant.costLimits.callerCapacity", equalTo(2_000));
        String admin = tenant.adminToken();

        int spent = 0;
        Response refused = null;
        for (int i = 0; i < 100 && refused == null; i++) {
            Response response = given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                    .auth().oauth2(admin).body(Map.of("query", LIST)).when().post("/graphql");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
                spent += response.<Integer>path("extensions.cost.requested");
            }
        }
        assertTrue(refused != null, "the caller never ran out of budget");
        assertTrue(spent <= 2_000, "spent " + spent + " of 2000");
        refused.then().body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                .body("errors[0].extensions.retryAfterSeconds", greaterThan(0))
                .body("extensions.cost.remaining", notNullValue());
        assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) > 0);

        // another person of the tenant has a full bucket of their own, until the tenant's runs out
        String second = tenant.secondToken();
        boolean tenantRanOut = false;
        for (int i = 0; i < 30 && !tenantRanOut; i++) {
            String code = raw(second, LIST, Map.of()).then().extract().path("errors[0].extensions.code");
            tenantRanOut = "RATE_LIMITED".equals(code);
        }
        assertTrue(tenantRanOut, "the tenant's own budget never ran out");
        // another tenant is served as if nothing happened
        raw(Tokens.of(Tokens.GLOBEX, "member"), LIST, Map.of()).then().statusCode(200).body("errors", nullValue());
        // the operator gives the tenant its defaults back
        run(Tokens.operator(), "tenantLimitsSet", vars("input", Map.of("tenantId", tenant.id())))
                .body("data.tenantLimitsSet.tenant.costLimits.callerCapacity", nullValue());
        // the buckets keep their level and now fill at the default rates: a tenth of a second buys a query again
        Thread.sleep(300);
        raw(tenant.adminToken(), LIST, Map.of()).then().body("errors", nullValue());
    }

    @Test
    void aRefusedRequestSentAgainIsRefusedAgainAndSmallerOnesStillFit() {
        TestTenants.Provisioned tenant = TestTenants.provision("again");
        run(Tokens.operator(), "tenantLimitsSet", vars("input", Map.of("tenantId", tenant.id(), "tenantCapacity", 5_000,
                "tenantRefillPerSecond", 1, "callerCapacity", 2_000, "callerRefillPerSecond", 1)))
                .body("data.tenantLimitsSet.userErrors", empty());
        String admin = tenant.adminToken();
        String page = "communities(first: 50) { totalCount edges { node { id name slug description } } }";
        String heavy = "{ a: " + page + " b: " + page + " c: " + page + " d: " + page + " }";
        int cost = raw(admin, heavy, Map.of()).then().body("errors", nullValue()).extract().path("extensions.cost.requested");
        assertTrue(cost > 1_000, "the heavy query costs " + cost + ": more than half the bucket");

        for (int attempt = 0; attempt < 3; attempt++) {
            Response refused = given().contentType(ContentType.JSON).accept("application/graphql-response+json")
                    .auth().oauth2(admin).body(Map.of("query", heavy)).when().post("/graphql");
            refused.then().statusCode(429)
                    .body("data", nullValue())
                    .body("errors[0].message", org.hamcrest.Matchers.containsString("costs " + cost + " points"))
                    .body("errors[0].extensions.code", equalTo("RATE_LIMITED"))
                    .body("errors[0].extensions.retryAfterSeconds", greaterThan(0))
                    .body("extensions.cost.requested", equalTo(cost))
                    .body("extensions.cost.remaining", org.hamcrest.Matchers.lessThan(cost));
            assertTrue(Integer.parseInt(refused.getHeader("Retry-After")) > 0);
        }
        // the refusals charged nothing: a small query still fits, and so does the same page on its own
        raw(admin, "{ viewer { username } }", Map.of()).then().body("errors", nullValue());
        raw(admin, "{ " + page + " }", Map.of()).then().body("errors", nullValue());
    }

    @Test
    void onlyOperatorsSetLimitsAndOnlySensibleOnes() {
        String acme = run(Tokens.of(Tokens.ACME, "admin"), "viewer").extract().path("data.viewer.tenant.id");
        run(Tokens.of(Tokens.ACME, "admin"), "tenantLimitsSet", vars("input", Map.of("tenantId", acme, "callerCapacity",
                1_000_000))).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        Map<String, Object> tiny = new HashMap<>(Map.of("tenantId", acme, "callerCapacity", 10, "tenantRefillPerSecond", 0));
        run(Tokens.operator(), "tenantLimitsSet", vars("input", tiny))
                .body("data.tenantLimitsSet.tenant", nullValue())
                .body("data.tenantLimitsSet.userErrors.field", contains("input.tenantRefillPerSecond",
                        "input.callerCapacity"));
    }

    @Test
    void theRootFieldsOfOneOperationShareAFewConnections() throws Exception {
        StringBuilder wide = new StringBuilder("query {");
        for (int i = 0; i < 80; i++) {
            wide.append(" c").append(i).append(": communities(first: 1) { totalCount }");
        }
        String query = wide.append(" }").toString();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService sampler = Executors.newSingleThreadExecutor();
        Future<Integer> busiest = sampler.submit(() -> busiestConnections(running));
        try {
            List<Callable<Object>> requests = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String username = List.of("member", "analyst", "moderator").get(i);
                requests.add(() -> raw(Tokens.of(Tokens.ACME, username), query, Map.of()).then().statusCode(200)
                        .body("errors", nullValue()).extract().path("data.c79.totalCount"));
            }
            for (int round = 0; round < 3; round++) {
                Parallel.run(requests);
            }
        } finally {
            running.set(false);
        }
        int seen = busiest.get(30, TimeUnit.SECONDS);
        sampler.shutdown();
        // three operations at once, at most 4 connections each (the pool has 32; one connection per root field would
        // take 80 each), plus the service's own background jobs (aggregator, pollers, dispatchers), which the sampler
        // counts too: one of them may be in a transaction at that moment
        assertTrue(seen > 0, "the sampler saw no unit of work at all");
        assertTrue(seen <= 3 * 4 + BACKGROUND_JOBS, "the operations held " + seen + " connections at once");
    }

    /** Units of work the service runs on its own, at most, at one moment of the test. */
    private static final int BACKGROUND_JOBS = 4;

    /** The most connections of the app role seen busy at once (in a transaction or running a statement). */
    private static int busiestConnections(AtomicBoolean running) throws Exception {
        var config = ConfigProvider.getConfig();
        int most = 0;
        try (Connection db = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
                Statement sql = db.createStatement()) {
            while (running.get()) {
                try (ResultSet rows = sql.executeQuery("select count(*) from pg_stat_activity where usename = current_user"
                        + " and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')")) {
                    rows.next();
                    most = Math.max(most, rows.getInt(1));
                }
            }
        }
        return most;
    }
}
