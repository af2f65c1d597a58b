package io.animo.platform.security;

/** Keycloak could not be asked about a tenant's realm (down, unreachable, or failing): try again shortly. */
public class IdentityProviderUnavailableException extends RuntimeException {

    public IdentityProviderUnavailableException(String message) {
        super(message, null, false, false);
    }
}
