package io.animo.support;

/** Stops and starts the PostgreSQL server the tests run against (the local one, or the embedded one). */
public final class DatabaseServer {

    private DatabaseServer() {
    }

    public static void stop() {
        AnimoTestEnvironment.stopDatabase.run();
    }

    public static void start() {
        AnimoTestEnvironment.startDatabase.run();
    }
}
