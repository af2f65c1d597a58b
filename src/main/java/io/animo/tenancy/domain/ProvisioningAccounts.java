package io.animo.tenancy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * The accounts that create realms, in turn. Keycloak makes the creator of a realm that realm's administrator by
 * granting it 17 roles in the master realm, and each grant re-reads every earlier grant of that account: with one
 * account, creating a realm took 0.9 s at 100 realms and 1.6 s at 500 (bench/tenancy.sh). With {@code count}
 * accounts taking turns each carries a {@code count}th of the realms. Account 1 is the configured admin client
 * ({@code quarkus.keycloak.admin-client.*}); account i is the client of the same realm and secret whose id ends in
 * {@code -i}.
 */
@ApplicationScoped
public class ProvisioningAccounts {

    private final List<Keycloak> accounts = new ArrayList<>();
    private final AtomicLong turns = new AtomicLong();

    public ProvisioningAccounts(Keycloak first,
            @ConfigProperty(name = "animo.keycloak.provisioning-accounts", defaultValue = "1") int count,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url") String serverUrl,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-id") String clientId,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.client-secret", defaultValue = "") String secret) {
        accounts.add(first);
        for (int i = 2; i <= count; i++) {
            accounts.add(KeycloakBuilder.builder().serverUrl(serverUrl).realm(realm).clientId(clientId + "-" + i)
                    .clientSecret(secret).grantType("client_credentials").build());
        }
    }

    /** The account whose turn it is. */
    public Keycloak next() {
        return accounts.get((int) Math.floorMod(turns.getAndIncrement(), (long) accounts.size()));
    }

    @PreDestroy
    void close() {
        accounts.stream().skip(1).forEach(Keycloak::close);
    }
}
