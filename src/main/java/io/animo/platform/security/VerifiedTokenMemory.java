package io.animo.platform.security;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * Remembers the identity each verified bearer token gave ({@link VerifiedTokens}). It runs after every other
 * augmentor (lowest priority), so what is remembered is the identity as the rest of the service sees it, roles of
 * organizations included; it changes nothing.
 */
@ApplicationScoped
public class VerifiedTokenMemory implements SecurityIdentityAugmentor {

    private final VerifiedTokens verified;

    public VerifiedTokenMemory(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        verified.remember(identity);
        return Uni.createFrom().item(identity);
    }

    @Override
    public int priority() {
        return Integer.MIN_VALUE;
    }
}
