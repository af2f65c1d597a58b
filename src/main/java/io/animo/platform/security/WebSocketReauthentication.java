package io.animo.platform.security;

import java.util.List;
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
 * GraphQL subscriptions authenticate with the token of the {@code connection_init} message, which
 * SmallRye GraphQL re-runs on the routing context of the WebSocket upgrade. OIDC cached the tenant
 * it chose for that (token-less) upgrade on the context and would reuse it, so the re-authentication
 * could never pick the caller's realm. This runs before OIDC (higher priority), forgets that cache on
 * upgrade requests and lets OIDC do the real work.
 */
@ApplicationScoped
public class WebSocketReauthentication implements HttpAuthenticationMechanism {

    private static final List<String> OIDC_TENANT_CACHE = List.of("io.quarkus.oidc.OidcTenantConfig", "tenant-id",
            "dynamic.tenant.config", "static.tenant.id", "static.tenant.id.null", "quarkus.oidc.extracted-bearer-token");

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        if (context.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            OIDC_TENANT_CACHE.forEach(context::remove);
        }
        return Uni.createFrom().nullItem();
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
        return 2000;
    }
}
