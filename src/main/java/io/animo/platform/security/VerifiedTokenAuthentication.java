package io.animo.platform.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Authenticates a request whose bearer token was verified before and has not expired ({@link VerifiedTokens}),
 * ahead of OIDC (higher priority). Any other request, a WebSocket upgrade included, goes on to OIDC, which verifies
 * it in full.
 */
@ApplicationScoped
public class VerifiedTokenAuthentication implements HttpAuthenticationMechanism {

    private final VerifiedTokens verified;

    public VerifiedTokenAuthentication(VerifiedTokens verified) {
        this.verified = verified;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().headers().contains(HttpHeaders.UPGRADE)) {
            return Uni.createFrom().nullItem();
        }
        Optional<SecurityIdentity> identity = KeycloakTenantConfigResolver.bearerToken(context)
                .flatMap(token -> verified.identityOf(token, context));
        return identity.isPresent() ? Uni.createFrom().item(identity.get()) : Uni.createFrom().nullItem();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 3000;
    }
}
