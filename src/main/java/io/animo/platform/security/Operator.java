package io.animo.platform.security;

/** A verified operator of the platform realm holding {@code platform-admin}. */
public record Operator(String subject, String username) {
}
