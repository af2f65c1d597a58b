package io.animo.tenancy.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Calls of Keycloak's admin API from reactive code, and the passwords Animo generates for the people it adds. */
final class KeycloakCalls {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeycloakCalls() {
    }

    /** The admin API is blocking: on a worker, and not for longer than an unresponsive Keycloak deserves. */
    static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .ifNoItem().after(TIMEOUT).fail();
    }

    /** A temporary password, shown once: the person changes it at first login. */
    static String generatePassword() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
