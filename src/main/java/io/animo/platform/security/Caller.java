package io.animo.platform.security;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * A verified person (or service account) of one tenant, as the token says. The tenant comes only
 * from the verified token (its issuer, and for an organization tenant its organization claim), never
 * from an argument or header. {@code tenantKey}: the realm, or realm/organization.
 */
public record Caller(UUID tenantId, String tenantKey, String subject, String username, String email, String displayName,
        Set<String> roles) {

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
