package io.animo.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.animo.platform.security.Roles;
import io.animo.support.AnimoTestEnvironment;
import io.animo.support.KeycloakAdmin;
import io.animo.support.Tokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.vertx.core.json.JsonObject;

/**
 * The packaged service, as its own process, told to stop (SIGTERM) while a request is in flight and a subscription
 * is open: the request finishes, the subscription socket closes with 1001 (going away) so its client reconnects
 * elsewhere, and the process exits.
 */
class ShutdownIT {

    private static final AnimoTestEnvironment ENVIRONMENT = new AnimoTestEnvironment();
    private static final Path LOG = Path.of("target/shutdown-it.log");
    private static Map<String, String> config;

    private static final String REALM = "shutdown" + UUID.randomUUID().toString().substring(0, 8);
    private static final UUID TENANT = UUID.randomUUID();

    /** The packaged service seeds nothing (the seeder is dev and test only): a tenant of its own. */
    @BeforeAll
    static void environment() throws Exception {
        config = ENVIRONMENT.start();
        System.setProperty("animo.keycloak.url", config.get("animo.keycloak.url"));
        KeycloakAdmin.createTenantRealm(REALM);
        KeycloakAdmin.addPasswordClient(REALM);
        KeycloakAdmin.createUser(REALM, "manager", Tokens.PASSWORD, List.of(Roles.COMMUNITY_MANAGER));
        KeycloakAdmin.createUser(REALM, "member", Tokens.PASSWORD, List.of(Roles.MEMBER));
    }

    /** Once the service has migrated its database. */
    private static void insertTenant() throws java.sql.SQLException {
        try (Connection db = database(); Statement sql = db.createStatement()) {
            sql.execute("insert into tenant (id, realm, name, status, created_at, updated_at) values ('" + TENANT
                    + "', '" + REALM + "', 'Shutdown', 'ACTIVE', now(), now())");
        }
    }

    @AfterAll
    static void cleanUp() {
        ENVIRONMENT.stop();
    }

    @Test
    void inFlightRequestsFinishAndSubscriptionsCloseWith1001() throws Exception {
        int port = freePort();
        Process service = launch(port, freePort());
        try {
            String base = "http://localhost:" + port;
            awaitUp(base);
            insertTenant();
            String manager = Tokens.of(REALM, "manager");
            String community = graphql(base, manager, "mutation($i: CommunityCreateInput!) { communityCreate(input: $i)"
                    + " { community { id } } }",
                    Map.of("i", Map.of("name", "Shutdown", "slug", "shutdown-"
                            + UUID.randomUUID().toString().substring(0, 8), "visibility", "PUBLIC")))
                    .getJsonObject("data").getJsonObject("communityCreate").getJsonObject("community").getString("id");
            CloseListener listener = new CloseListener();
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), listener).get(10, TimeUnit.SECONDS);
            socket.sendText(new JsonObject().put("type", "connection_init")
                    .put("payload", new JsonObject().put("Authorization", "Bearer " + Tokens.of(REALM, "member"))).encode(),
                    true);
            listener.awaitText("connection_ack");
            socket.sendText(new JsonObject().put("id", "1").put("type", "subscribe").put("payload",
                    new JsonObject().put("query", "subscription { communityEvents { type } }")).encode(), true);

            CompletableFuture<HttpResponse<String>> inFlight;
            try (Connection db = database(); Statement sql = db.createStatement()) {
                // hold the community's row: the update below waits for it, in flight
                db.setAutoCommit(false);
                sql.execute("select set_config('animo.tenant_id', '" + TENANT + "', true)");
                sql.execute("select 1 from community where id = '" + uuidOf(community) + "' for update");
                inFlight = post(base, manager, "mutation($i: CommunityUpdateInput!) { communityUpdate(input: $i)"
                        + " { community { name } userErrors { code } } }",
                        Map.of("i", Map.of("id", community, "version", 0,
                                "name", "Renamed while stopping")));
                Thread.sleep(500);
                service.destroy(); // SIGTERM
                Thread.sleep(1_500);
                db.commit();
            }
            HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode());
            assertEquals("Renamed while stopping", new JsonObject(finished.body()).getJsonObject("data")
                    .getJsonObject("communityUpdate").getJsonObject("community").getString("name"));
            assertEquals(1001, listener.closeCode.get(20, TimeUnit.SECONDS), "the subscription socket's close code");
            // nothing left in flight once the request finished: no wait for the 20 s shutdown timeout
            assertTrue(service.waitFor(10, TimeUnit.SECONDS), "the service did not exit promptly");
            assertFalse(Files.readString(LOG).contains("Timed out waiting for graceful shutdown"),
                    "the service waited for requests that had finished; see " + LOG);
        } finally {
            service.destroyForcibly();
        }
    }

    /** The native executable when the build made one ({@code -Dnative}), else the JVM application. */
    private static Process launch(int port, int managementPort) throws IOException {
        String nativeImage = System.getProperty("native.image.path");
        boolean isNative = nativeImage != null && new File(nativeImage).canExecute();
        List<String> command = new ArrayList<>();
        command.add(isNative ? nativeImage : Path.of(System.getProperty("java.home"), "bin", "java").toString());
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-Dquarkus.profile=test", "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort, "-Dquarkus.shutdown.delay=1s",
                "-Dquarkus.shutdown.timeout=20s"));
        if (!isNative) {
            command.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        }
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(LOG.toFile()).start();
    }

    private static void awaitUp(String base) throws InterruptedException {
        for (int i = 0; i < 120; i++) {
            try {
                int status = RestAssured.given().baseUri(base).when().get("/graphql/schema.graphql").statusCode();
                if (status == 200) {
                    return;
                }
            } catch (Exception notYet) { // RestAssured rethrows ConnectException unchecked
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not start; see target/shutdown-it.log");
    }

    private static JsonObject graphql(String base, String token, String query, Map<String, Object> variables) {
        String body = RestAssured.given().baseUri(base).contentType(ContentType.JSON).auth().oauth2(token)
                .body(Map.of("query", query, "variables", variables)).when().post("/graphql")
                .then().statusCode(200).extract().asString();
        return new JsonObject(body);
    }

    private static CompletableFuture<HttpResponse<String>> post(String base, String token, String query,
            Map<String, Object> variables) {
        String body = new JsonObject().put("query", query).put("variables", new JsonObject(variables)).encode();
        return HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Connection database() throws java.sql.SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
    }

    private static String uuidOf(String globalId) {
        String raw = new String(java.util.Base64.getUrlDecoder().decode(globalId));
        return raw.substring(raw.indexOf(':') + 1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static final class CloseListener implements WebSocket.Listener {

        final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
        private final StringBuilder received = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (received) {
                received.append(data);
                received.notifyAll();
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }

        void awaitText(String text) throws InterruptedException {
            long deadline = System.currentTimeMillis() + 10_000;
            synchronized (received) {
                while (!received.toString().contains(text)) {
                    long left = deadline - System.currentTimeMillis();
                    assertTrue(left > 0, "never received " + text + ": " + received);
                    received.wait(left);
                }
            }
            assertNotNull(received);
        }
    }
}
