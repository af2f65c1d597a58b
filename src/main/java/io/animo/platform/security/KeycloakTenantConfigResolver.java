package io.animo.platform.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcTenantConfig.ApplicationType;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * Chooses the OIDC configuration of the realm that issued a bearer token, so a tenant created at
 * runtime is accepted without a restart. The unverified {@code iss} is only used to pick a
 * configuration of our own Keycloak; Quarkus then verifies signature (with that realm's keys),
 * issuer, audience and expiry. Unknown issuers fall to the default tenant, which rejects.
 */
@ApplicationScoped
public class KeycloakTenantConfigResolver implements TenantConfigResolver {

    private static final Logger LOG = Logger.getLogger(KeycloakTenantConfigResolver.class);
    private static final Duration UNKNOWN_REALM_TTL = Duration.ofSeconds(10);
    private static final int MAX_UNKNOWN_REALMS = 10_000;
    // routing-context key: the realm a request's bearer token names, unverified (read once per request)
    private static final String TOKEN_REALM = "animo.token-realm";

    private final KeycloakRealms realms;
    private final TenantRealms tenantRealms;
    private final VerifiedTokens verified;
    private final String audience;
    private final WebClient http;
    // Quarkus compares configs by identity: one instance per realm, for the life of the service. Only
    // realms of real tenants get here, so this grows with the tenants, never with forged tokens.
    private final Map<String, OidcTenantConfig> configs = new ConcurrentHashMap<>();
    // Made-up realm names live in their own bounded cache: evicting them never touches a real tenant's config.
    private final Cache<String, Boolean> unknown = Caffeine.newBuilder()
            .maximumSize(MAX_UNKNOWN_REALMS)
            .expireAfterWrite(UNKNOWN_REALM_TTL)
            .build();

    public KeycloakTenantConfigResolver(KeycloakRealms realms, TenantRealms tenantRealms, VerifiedTokens verified,
            Vertx vertx, @ConfigProperty(name = "animo.keycloak.audience") String audience) {
        this.realms = realms;
        this.tenantRealms = tenantRealms;
        this.verified = verified;
        this.audience = audience;
        this.http = WebClient.create(vertx);
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext context, OidcRequestContext<OidcTenantConfig> requestContext) {
        Optional<String> realm = context.get(TOKEN_REALM);
        if (realm == null) {
            realm = bearerToken(context).flatMap(this::realmOfToken);
        }
        if (realm.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        return configFor(realm.get());
    }

    /**
     * The configuration of a realm, or null unless it is the platform realm or a tenant's realm that
     * Keycloak knows. Keycloak is asked only about tenants' realms, so made-up issuers cost a look in
     * the in-memory tenant directory, never a call to Keycloak or a database round trip of their own.
     */
    public Uni<OidcTenantConfig> configFor(String realm) {
        OidcTenantConfig known = configs.get(realm);
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        if (unknown.getIfPresent(realm) != null) {
            return Uni.createFrom().nullItem();
        }
        Uni<Boolean> belongs = realms.isPlatform(realm) ? Uni.createFrom().item(true) : tenantRealms.isTenant(realm);
        return belongs.chain(tenant -> tenant ? realmExists(realm) : Uni.createFrom().item(false)).map(exists -> {
            if (!exists) {
                unknown.put(realm, Boolean.TRUE);
                return null;
            }
            return configs.computeIfAbsent(realm, this::buildConfig);
        });
    }

    /**
     * Whether a bearer token names, unverified, a realm this service serves: false for a token that is not a JWT,
     * an issuer outside our Keycloak, a made-up realm. Such a token can be refused before authentication runs.
     */
    public Uni<Boolean> serves(RoutingContext context, String bearerToken) {
        Optional<String> realm = verified.realmOf(bearerToken).or(() -> realmOfToken(bearerToken));
        // authentication, next, need not read the token's payload again
        context.put(TOKEN_REALM, realm);
        if (realm.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return configFor(realm.get()).map(config -> config != null);
    }

    /** Forget a realm that was just created, so a negative cache entry cannot hide it. */
    public void realmCreated(String realm) {
        unknown.invalidate(realm);
    }

    private OidcTenantConfig buildConfig(String realm) {
        return OidcTenantConfig.authServerUrl(realms.issuerOf(realm))
                .tenantId(realm)
                .applicationType(ApplicationType.SERVICE)
                .token().issuer(realms.issuerOf(realm)).audience(audience).end()
                .build();
    }

    /**
     * Whether Keycloak knows the realm. When Keycloak cannot say (down, unreachable, failing), the request
     * fails with {@link IdentityProviderUnavailableException} and nothing is remembered: the realm may be real.
     */
    private Uni<Boolean> realmExists(String realm) {
        return http.getAbs(realms.issuerOf(realm) + "/.well-known/openid-configuration")
                .timeout(5_000)
                .send()
                .onFailure().transform(failure -> {
                    LOG.warnf("Keycloak did not answer for realm %s: %s", realm, failure.getMessage());
                    return new IdentityProviderUnavailableException("Keycloak did not answer");
                })
                .map(response -> {
                    if (response.statusCode() >= 500) {
                        throw new IdentityProviderUnavailableException("Keycloak answered " + response.statusCode());
                    }
                    return response.statusCode() == 200;
                });
    }

    public static Optional<String> bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    private Optional<String> realmOfToken(String token) {
        return unverifiedIssuer(token).flatMap(realms::realmOfIssuer);
    }

    private Optional<String> unverifiedIssuer(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || parts[1].length() > 16_384) {
            return Optional.empty();
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            return Optional.ofNullable(new JsonObject(json).getString("iss"));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
