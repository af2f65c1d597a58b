package io.animo.platform.config;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. In prod, refuses to start without the configuration that has no safe default, and
 * says which variables to set, before anything else runs.
 */
@QuarkusMain
public class AnimoMain {

    /** Environment variable → the setting it feeds. */
    private static final Map<String, String> REQUIRED_IN_PROD = Map.of(
            "ANIMO_DB_REACTIVE_URL", "quarkus.datasource.reactive.url",
            "ANIMO_DB_JDBC_URL", "quarkus.datasource.jdbc.url",
            "ANIMO_DB_APP_PASSWORD", "quarkus.datasource.password",
            "ANIMO_DB_OWNER_PASSWORD", "quarkus.flyway.password",
            "ANIMO_KEYCLOAK_URL", "animo.keycloak.url");

    public static void main(String... args) {
        if (LaunchMode.current() == LaunchMode.NORMAL && !startedByMaven()) {
            List<String> missing = REQUIRED_IN_PROD.entrySet().stream()
                    .filter(entry -> !isSet(entry.getKey(), entry.getValue()))
                    .map(Map.Entry::getKey)
                    .sorted()
                    .toList();
            if (!missing.isEmpty()) {
                System.err.println("Animo cannot start: set " + String.join(", ", missing)
                        + " (see README.md, section Configuration).");
                System.exit(2);
            }
        }
        Quarkus.run(args);
    }

    /**
     * Dev mode (./mvnw quarkus:dev) also enters here, before its launch mode is set; its classes
     * come from Quarkus's own class loader, which the packaged application and the native image
     * do not use.
     */
    private static boolean startedByMaven() {
        return AnimoMain.class.getClassLoader().getClass().getName()
                .equals("io.quarkus.bootstrap.classloading.QuarkusClassLoader");
    }

    private static boolean isSet(String variable, String property) {
        String quarkusVariable = property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        return notBlank(System.getenv(variable)) || notBlank(System.getProperty(property))
                || notBlank(System.getenv(quarkusVariable));
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
