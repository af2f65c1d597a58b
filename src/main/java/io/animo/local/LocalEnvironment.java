package io.animo.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code ./mvnw quarkus:dev} on a machine with nothing but a JDK: starts an embedded PostgreSQL
 * (data kept in {@code ~/.animo/postgres}) and a real Keycloak ({@code deploy/keycloak/keycloak.sh}),
 * then migrates. Skipped for whatever is already reachable, so an explicitly configured database or
 * Keycloak is used as is. Exists only in the dev build.
 */
@IfBuildProfile("dev")
@ApplicationScoped
public class LocalEnvironment {

    private static final Logger LOG = Logger.getLogger(LocalEnvironment.class);
    private static volatile io.zonky.test.db.postgres.embedded.EmbeddedPostgres postgres;

    private final boolean enabled;
    private final int postgresPort;
    private final int keycloakPort;
    private final Path dataDir;
    private final String keycloakUrl;
    private final Flyway flyway;
    private final int httpPort;
    private final String reactiveUrl;

    public LocalEnvironment(@ConfigProperty(name = "animo.local.enabled") boolean enabled,
            @ConfigProperty(name = "animo.local.postgres-port", defaultValue = "54329") int postgresPort,
            @ConfigProperty(name = "animo.local.keycloak-port", defaultValue = "8180") int keycloakPort,
            @ConfigProperty(name = "animo.local.data-dir", defaultValue = ".animo") Path dataDir,
            @ConfigProperty(name = "animo.keycloak.url") String keycloakUrl,
            @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int httpPort,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String reactiveUrl,
            Flyway flyway) {
        this.httpPort = httpPort;
        this.reactiveUrl = reactiveUrl;
        this.enabled = enabled;
        this.postgresPort = postgresPort;
        this.keycloakPort = keycloakPort;
        this.dataDir = dataDir;
        this.keycloakUrl = keycloakUrl;
        this.flyway = flyway;
    }

    void start(@Observes @Priority(10) StartupEvent event) throws Exception {
        if (!enabled) {
            return;
        }
        startPostgres();
        flyway.migrate();
        startKeycloak();
    }

    /** After seeding: how to reach the service and get a token for each demo user. */
    void printWelcome(@Observes @Priority(30) StartupEvent event) {
        if (!enabled) {
            return;
        }
        String api = "http://localhost:" + httpPort;
        StringBuilder text = new StringBuilder("\n\n  Animo is running\n")
                .append("  GraphQL      ").append(api).append("/graphql  (WebSocket subscriptions on the same path)\n")
                .append("  GraphQL UI   ").append(api).append("/q/graphql-ui\n")
                .append("  Schema       ").append(api).append("/graphql/schema.graphql\n")
                .append("  Keycloak     ").append(keycloakUrl).append("  (master admin: admin / admin)\n\n")
                .append("  Demo tenant 'demo': users admin, manager, moderator, analyst, member (password: demo)\n")
                .append("  Platform operator: realm animo-platform, user operator (password: demo)\n")
                .append("  Token:  curl -s -d grant_type=password -d client_id=animo-cli -d username=manager -d password=demo \\\n")
                .append("            ").append(keycloakUrl).append("/realms/demo/protocol/openid-connect/token\n");
        LOG.info(text);
    }

    private void startPostgres() throws IOException, SQLException {
        // an explicitly configured database is used as is
        if (postgres != null || !reactiveUrl.contains("localhost:" + postgresPort) || isListening(postgresPort)) {
            return;
        }
        LOG.infof("Starting embedded PostgreSQL on port %d (data in %s)", postgresPort, dataDir.resolve("postgres"));
        postgres = EmbeddedPostgres.start(dataDir.resolve("postgres"), dataDir.resolve("postgres-binaries"), postgresPort,
                false);
        Runtime.getRuntime().addShutdownHook(new Thread(LocalEnvironment::stopPostgres));
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("do $$ begin"
                    + " if not exists (select from pg_roles where rolname = 'animo_owner') then"
                    + "   create role animo_owner login password 'animo_owner'; end if;"
                    + " if not exists (select from pg_roles where rolname = 'animo_app') then"
                    + "   create role animo_app login password 'animo_app'; end if;"
                    + " end $$");
            if (!sql.executeQuery("select 1 from pg_database where datname = 'animo'").next()) {
                sql.execute("create database animo owner animo_owner");
            }
        }
    }

    private static void stopPostgres() {
        try {
            if (postgres != null) {
                postgres.close();
            }
        } catch (IOException e) {
            LOG.warn("Could not stop the embedded PostgreSQL", e);
        }
    }

    private void startKeycloak() throws IOException, InterruptedException {
        if (!keycloakUrl.equals("http://localhost:" + keycloakPort) || isListening(keycloakPort)) {
            return;
        }
        Path script = Path.of("deploy/keycloak/keycloak.sh").toAbsolutePath();
        if (!Files.isExecutable(script)) {
            LOG.warnf("No %s: start Keycloak yourself and set ANIMO_KEYCLOAK_URL", script);
            return;
        }
        LOG.infof("Starting Keycloak on port %d (first run downloads it once; this takes a minute)", keycloakPort);
        Process process = new ProcessBuilder("bash", script.toString(), "start")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("Keycloak did not start; see ~/.cache/animo/keycloak-*-dev/keycloak.log");
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopKeycloak(script)));
    }

    private static void stopKeycloak(Path script) {
        try {
            new ProcessBuilder("bash", script.toString(), "stop").inheritIO().start().waitFor(40, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException e) {
            LOG.warn("Could not stop Keycloak", e);
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
