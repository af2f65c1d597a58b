package io.animo.platform.security;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

/**
 * Bearer tokens this service has verified, with the identity their verification gave, until they expire. A token is
 * verified once (RS256 signature with its realm's keys, issuer, audience, expiry; roles mapped) and then recognised
 * by its exact text: verifying the same signature and reading the same claims again on every request took about a
 * fifth of the CPU of a request. Nothing a verification looks at can change before the token expires (Keycloak's
 * access tokens are self-contained and Animo keeps no revocation list), so the answer cannot differ. What can change,
 * a tenant suspended or its realm removed, is checked on every request elsewhere ({@code TenantAccess}, the GraphQL
 * door). Only identities that passed every check get here ({@link VerifiedTokenMemory}); a forged or expired token
 * never does. Animo never removes a realm; code that would remove one and let its name be taken again must forget
 * that realm's entries here, or an old token would still be recognised.
 */
@ApplicationScoped
public class VerifiedTokens {

    /** What a verification gave: the identity (roles included), the realm that issued it, and when it expires. */
    private record Verified(SecurityIdentity identity, String realm, long expiresAtMillis) {
    }

    private final KeycloakRealms realms;
    private final Cache<String, Verified> byToken;

    public VerifiedTokens(KeycloakRealms realms,
            @ConfigProperty(name = "animo.security.verified-tokens", defaultValue = "10000") long maxTokens) {
        this.realms = realms;
        this.byToken = Caffeine.newBuilder().maximumSize(maxTokens).expireAfter(new UntilTokenExpiry()).build();
    }

    /** The identity a token gave when it was verified, for this request; empty when unknown or expired. */
    public Optional<SecurityIdentity> identityOf(String token, RoutingContext request) {
        Verified verified = valid(token);
        if (verified == null) {
            return Optional.empty();
        }
        // the identity carries the routing context of the request being served (OIDC puts it there)
        return Optional.of(QuarkusSecurityIdentity.builder(verified.identity())
                .addAttribute(RoutingContext.class.getName(), request)
                .build());
    }

    /** The realm of a token verified earlier and still valid, without reading its payload again. */
    public Optional<String> realmOf(String token) {
        Verified verified = valid(token);
        return verified == null ? Optional.empty() : Optional.of(verified.realm());
    }

    /** Remembers the identity that the verification of a bearer token gave. */
    void remember(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        Optional<String> realm = realms.realmOfIssuer(jwt.getIssuer());
        long expiresAtMillis = TimeUnit.SECONDS.toMillis(jwt.getExpirationTime());
        if (credential == null || credential.getToken() == null || realm.isEmpty()
                || expiresAtMillis <= System.currentTimeMillis()) {
            return;
        }
        byToken.put(credential.getToken(), new Verified(identity, realm.get(), expiresAtMillis));
    }

    private Verified valid(String token) {
        Verified verified = byToken.getIfPresent(token);
        return verified == null || verified.expiresAtMillis() <= System.currentTimeMillis() ? null : verified;
    }

    /** An entry lives until its token expires, whatever reads it. */
    private static final class UntilTokenExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified verified, long currentTime) {
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, verified.expiresAtMillis() - System.currentTimeMillis()));
        }

        @Override
        public long expireAfterUpdate(String token, Verified verified, long currentTime, long currentDuration) {
            return expireAfterCreate(token, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
