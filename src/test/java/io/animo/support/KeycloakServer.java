package io.animo.support;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/** Stops and starts the test Keycloak (same instance, same data) through the project's own script. */
public final class KeycloakServer {

    private KeycloakServer() {
    }

    public static void stop() {
        script("stop");
    }

    public static void start() {
        script("start");
    }

    private static void script(String command) {
        ProcessBuilder builder = new ProcessBuilder("bash", "deploy/keycloak/keycloak.sh", command).inheritIO();
        builder.environment().put("ANIMO_KEYCLOAK_PORT", String.valueOf(AnimoTestEnvironment.KEYCLOAK_PORT));
        builder.environment().put("ANIMO_KEYCLOAK_INSTANCE", "test");
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("keycloak.sh " + command + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
