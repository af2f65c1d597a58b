package io.animo.platform.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Maps issuers to realm names for the one Keycloak this service trusts. An issuer from anywhere
 * else, or a realm name that does not match the strict pattern, maps to nothing. Tokens of the shared
 * organizations realm speak for one organization of it: their tenant key is {@code realm/alias}.
 */
@ApplicationScoped
public class KeycloakRealms {

    /** Realm names Animo creates and accepts: lower-case, starts with a letter, 3 to 40 characters. */
    public static final Pattern REALM_NAME = Pattern.compile("[a-z][a-z0-9-]{2,39}");

    /** The claim Keycloak's organization mapper writes: a list of aliases, or an object keyed by alias. */
    public static final String ORGANIZATION_CLAIM = "organization";

    private final String keycloakUrl;
    private final String platformRealm;
    private final String organizationsRealm;

    public KeycloakRealms(@ConfigProperty(name = "animo.keycloak.url") Optional<String> keycloakUrl,
            @ConfigProperty(name = "animo.keycloak.platform-realm") String platformRealm,
            @ConfigProperty(name = "animo.keycloak.organizations-realm") String organizationsRealm) {
        this.keycloakUrl = keycloakUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).orElse("");
        this.platformRealm = platformRealm;
        this.organizationsRealm = organizationsRealm;
    }

    /** The tenant key of a token of a tenant: {@code realm}, or {@code realm/alias} for one organization. */
    public static String tenantKey(String realm, String organization) {
        return organization == null ? realm : realm + "/" + organization;
    }

    /**
     * The tenant a verified token speaks for: its realm, or for the organizations realm the one organization its
     * {@code organization} claim names. Empty for a foreign issuer, and in the organizations realm for a token naming
     * no organization or several (the caller must choose one: scope {@code organization:<alias>}).
     */
    public Optional<String> tenantKeyOf(JsonWebToken token) {
        Optional<String> realm = realmOfIssuer(token.getIssuer());
        if (realm.isEmpty() || !isOrganizations(realm.get())) {
            return realm;
        }
        List<String> organizations = organizationsOf(token);
        return organizations.size() == 1 ? Optional.of(tenantKey(realm.get(), organizations.get(0))) : Optional.empty();
    }

    /** The aliases a token's organization claim names (none when absent or malformed). */
    public static List<String> organizationsOf(JsonWebToken token) {
        Object claim = token.getClaim(ORGANIZATION_CLAIM);
        if (claim instanceof JsonArray array) {
            return array.stream().filter(JsonString.class::isInstance).map(v -> ((JsonString) v).getString()).toList();
        }
        if (claim instanceof JsonObject object) {
            return List.copyOf(object.keySet());
        }
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String single) {
            return List.of(single);
        }
        return List.of();
    }

    public boolean isOrganizations(String realm) {
        return organizationsRealm.equals(realm);
    }

    public String organizationsRealm() {
        return organizationsRealm;
    }

    public Optional<String> realmOfIssuer(String issuer) {
        String prefix = keycloakUrl + "/realms/";
        if (keycloakUrl.isEmpty() || issuer == null || !issuer.startsWith(prefix)) {
            return Optional.empty();
        }
        String realm = issuer.substring(prefix.length());
        return isAcceptable(realm) ? Optional.of(realm) : Optional.empty();
    }

    public boolean isAcceptable(String realm) {
        return realm.equals(platformRealm) || REALM_NAME.matcher(realm).matches();
    }

    public String issuerOf(String realm) {
        return keycloakUrl + "/realms/" + realm;
    }

    public String keycloakUrl() {
        return keycloakUrl;
    }

    public String platformRealm() {
        return platformRealm;
    }

    public boolean isPlatform(String realm) {
        return platformRealm.equals(realm);
    }
}
