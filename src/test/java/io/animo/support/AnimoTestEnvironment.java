package io.animo.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.animo.local.EmbeddedPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real parts every test needs: a PostgreSQL database of its own (the local server when one
 * listens on 127.0.0.1:5432, else an embedded PostgreSQL) with an owner role for Flyway and a
 * non-owner app role, and a real Keycloak started by {@code deploy/keycloak/keycloak.sh}.
 */
public class AnimoTestEnvironment implements QuarkusTestResourceLifecycleManager {

    static final String PG_HOST = System.getenv().getOrDefault("ANIMO_TEST_PG_HOST", "127.0.0.1");
    static final int PG_PORT = Integer.parseInt(System.getenv().getOrDefault("ANIMO_TEST_PG_PORT", "5432"));
    static final String PG_ADMIN = System.getenv().getOrDefault("ANIMO_TEST_PG_ADMIN", "postgres");
    static final String PG_ADMIN_PASSWORD = System.getenv().getOrDefault("ANIMO_TEST_PG_ADMIN_PASSWORD", "");
    static final int KEYCLOAK_PORT = Integer.parseInt(System.getenv().getOrDefault("ANIMO_TEST_KEYCLOAK_PORT", "8280"));

    private final String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String database = "animo_test_" + suffix;
    private final String owner = "animo_owner_" + suffix;
    private final String app = "animo_app_" + suffix;
    private io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;
    private String adminUrl;
    private String adminPassword = PG_ADMIN_PASSWORD;
    private boolean startedKeycloak;

    @Override
    public Map<String, String> start() {
        try {
            String host = PG_HOST;
            int port = PG_PORT;
            if (isListening(PG_HOST, PG_PORT) && canLogIn("jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres")) {
                adminUrl = "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
            } else {
                port = freePort();
                host = "localhost";
                embedded = EmbeddedPostgres.start(Path.of("target/embedded-pg/data-" + suffix),
                        Path.of(System.getProperty("user.home"), ".animo/postgres-binaries"), port, true);
                adminUrl = "jdbc:postgresql://localhost:" + port + "/postgres";
                adminPassword = "";
            }
            createDatabase();
            registerRestarts(port);
            startKeycloak();
            Map<String, String> config = new HashMap<>();
            config.put("quarkus.datasource.reactive.url", "postgresql://" + host + ":" + port + "/" + database);
            config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + host + ":" + port + "/" + database);
            config.put("quarkus.datasource.username", app);
            config.put("quarkus.datasource.password", app);
            config.put("quarkus.flyway.username", owner);
            config.put("quarkus.flyway.password", owner);
            config.put("animo.keycloak.url", "http://localhost:" + KEYCLOAK_PORT);
            // provisioning with the create-realm-only account that keycloak.sh sets up, as in production
            config.put("quarkus.keycloak.admin-client.client-id", "animo-provisioner");
            config.put("quarkus.keycloak.admin-client.client-secret", "animo-provisioner-local-secret");
            config.put("animo.test.owner-user", owner);
            config.put("animo.seed.tenant-kind", System.getProperty("animo.test.tenant-kind", "REALM"));
            return config;
        } catch (Exception e) {
            throw new IllegalStateException("Could not prepare the test environment: " + e.getMessage(), e);
        }
    }

    /** How a fault test stops and starts the very server the tests run against, whichever it is. */
    private void registerRestarts(int port) {
        Runnable stop;
        Runnable start;
        if (embedded == null) {
            String version = localClusterVersion();
            stop = () -> run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop", "-m", "fast");
            start = () -> run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start");
        } else {
            Path data = Path.of("target/embedded-pg/data-" + suffix);
            stop = () -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            };
            start = () -> {
                try {
                    embedded = EmbeddedPostgres.start(data, Path.of(System.getProperty("user.home"),
                            ".animo/postgres-binaries"), port, false);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            };
        }
        stopDatabase = stop;
        startDatabase = start;
    }

    static volatile Runnable stopDatabase;
    static volatile Runnable startDatabase;

    private static String localClusterVersion() {
        String[] versions = new java.io.File("/etc/postgresql").list();
        return versions == null || versions.length == 0
                ? "15"
                : java.util.Arrays.stream(versions).sorted().reduce((a, b) -> b)
                        .orElseThrow();
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void createDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl, PG_ADMIN, adminPassword);
                Statement sql = connection.createStatement()) {
            sql.execute("create role " + owner + " login password '" + owner + "'");
            sql.execute("create role " + app + " login password '" + app + "'");
            sql.execute("create database " + database + " owner " + owner);
        }
    }

    private void startKeycloak() throws IOException, InterruptedException {
        if (isListening("127.0.0.1", KEYCLOAK_PORT)) {
            return;
        }
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/keycloak/keycloak.sh", "start").inheritIO();
        builder.environment().put("ANIMO_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
        builder.environment().put("ANIMO_KEYCLOAK_INSTANCE", "test");
        builder.environment().put("ANIMO_KEYCLOAK_FRESH", "true");
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(6, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Keycloak did not start");
        }
        startedKeycloak = !"true".equals(System.getenv("ANIMO_TEST_KEEP_KEYCLOAK"));
    }

    @Override
    public void stop() {
        try (Connection connection = DriverManager.getConnection(adminUrl, PG_ADMIN, adminPassword);
                Statement sql = connection.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
            sql.execute("drop role if exists " + app);
            sql.execute("drop role if exists " + owner);
        } catch (SQLException e) {
            System.err.println("Could not drop the test database: " + e.getMessage());
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                System.err.println("Could not stop the embedded PostgreSQL: " + e.getMessage());
            }
        }
        if (startedKeycloak) {
            ProcessBuilder builder = new ProcessBuilder("bash", "deploy/keycloak/keycloak.sh", "stop").inheritIO();
            builder.environment().put("ANIMO_KEYCLOAK_PORT", String.valueOf(KEYCLOAK_PORT));
            builder.environment().put("ANIMO_KEYCLOAK_INSTANCE", "test");
            try {
                builder.start().waitFor(60, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                System.err.println("Could not stop Keycloak: " + e.getMessage());
            }
        }
    }

    /** A local server that does not let the admin role in (e.g. password auth, no password given) is skipped. */
    private static boolean canLogIn(String url) {
        try (Connection ignored = DriverManager.getConnection(url, PG_ADMIN, PG_ADMIN_PASSWORD)) {
            return true;
        } catch (SQLException e) {
            System.err.println("Local PostgreSQL refused " + PG_ADMIN + " (" + e.getMessage() + "): using an embedded one");
            return false;
        }
    }

    private static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
