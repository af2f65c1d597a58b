package io.animo.platform.security;

import java.util.Arrays;
import java.util.Set;
import java.util.UUID;

/**
 * A verified person (or service account) of one tenant, as the token says. The tenant comes only
 * from the verified issuer, never from an argument or header.
 */
public record Caller(UUID tenantId, String realm, String subject, String username, String email, String displayName,
        Set<String> roles) {

    public boolean hasAnyRole(String... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }
}
