package io.animo.platform.security;

import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Maps issuers to realm names for the one Keycloak this service trusts. An issuer from anywhere
 * else, or a realm name that does not match the strict pattern, maps to nothing.
 */
@ApplicationScoped
public class KeycloakRealms {

    /** Realm names Animo creates and accepts: lower-case, starts with a letter, 3 to 40 characters. */
    public static final Pattern REALM_NAME = Pattern.compile("[a-z][a-z0-9-]{2,39}");

    private final String keycloakUrl;
    private final String platformRealm;

    public KeycloakRealms(@ConfigProperty(name = "animo.keycloak.url") Optional<String> keycloakUrl,
            @ConfigProperty(name = "animo.keycloak.platform-realm") String platformRealm) {
        this.keycloakUrl = keycloakUrl.map(url -> url.endsWith("/") ? url.substring(0, url.length() - 1) : url).orElse("");
        this.platformRealm = platformRealm;
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
