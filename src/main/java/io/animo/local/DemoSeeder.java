package io.animo.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.RoleRepresentation;

import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.NewUser;
import io.animo.tenancy.domain.RealmProvisioner;
import io.animo.tenancy.domain.TenantDraft;
import io.animo.tenancy.domain.TenantService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev and test only: makes sure the seed tenants exist (realm from the template, one user per
 * role, a password-grant client {@code animo-cli}, the tenant row) and an operator in the platform
 * realm. Idempotent: it only adds what is missing.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class DemoSeeder {

    public static final String DEV_CLIENT = "animo-cli";
    /** Username → realm roles of the seeded people of every seed tenant. */
    public static final Map<String, List<String>> PEOPLE = Map.of(
            "admin", List.of(Roles.TENANT_ADMIN, Roles.MEMBER),
            "manager", List.of(Roles.COMMUNITY_MANAGER, Roles.MEMBER),
            "moderator", List.of(Roles.MODERATOR, Roles.MEMBER),
            "analyst", List.of(Roles.ANALYST),
            "member", List.of(Roles.MEMBER));
    private static final Logger LOG = Logger.getLogger(DemoSeeder.class);

    private final Optional<List<String>> tenants;
    private final String password;
    private final String platformRealm;
    private final RealmProvisioner realms;
    private final TenantService tenantService;
    private final Keycloak keycloak;
    private final DemoCommunities demoCommunities;

    public DemoSeeder(@ConfigProperty(name = "animo.seed.tenants") Optional<List<String>> tenants,
            @ConfigProperty(name = "animo.seed.password", defaultValue = "") String password,
            @ConfigProperty(name = "animo.keycloak.platform-realm") String platformRealm,
            RealmProvisioner realms, TenantService tenantService, Keycloak keycloak, DemoCommunities demoCommunities) {
        this.tenants = tenants;
        this.password = password;
        this.platformRealm = platformRealm;
        this.realms = realms;
        this.tenantService = tenantService;
        this.keycloak = keycloak;
        this.demoCommunities = demoCommunities;
    }

    void seed(@Observes @Priority(20) StartupEvent event) {
        if (tenants.isEmpty() || tenants.get().isEmpty()) {
            return;
        }
        seedOperator();
        for (String realm : tenants.get()) {
            seedTenant(realm);
        }
    }

    private void seedOperator() {
        realms.ensureDevClient(platformRealm, DEV_CLIENT);
        if (realms.findUserId(platformRealm, "operator").isPresent()) {
            return;
        }
        String id = realms.createUser(platformRealm, new NewUser("operator", "operator@animo.example", "Platform",
                "Operator", password, false, List.of()));
        RoleRepresentation admin = keycloak.realm(platformRealm).roles().get(Roles.PLATFORM_ADMIN).toRepresentation();
        keycloak.realm(platformRealm).users().get(id).roles().realmLevel().add(List.of(admin));
    }

    private void seedTenant(String realm) {
        String name = Character.toUpperCase(realm.charAt(0)) + realm.substring(1);
        if (!realms.realmExists(realm)) {
            realms.createRealm(realm, name);
        }
        realms.ensureDevClient(realm, DEV_CLIENT);
        PEOPLE.forEach((username, roles) -> {
            if (realms.findUserId(realm, username).isEmpty()) {
                realms.createUser(realm, new NewUser(username, username + "@" + realm + ".example",
                        Character.toUpperCase(username.charAt(0)) + username.substring(1), name, password, false, roles));
            }
        });
        var tenant = tenantService.byRealm(realm).await().atMost(Duration.ofSeconds(30));
        if (tenant == null) {
            tenant = tenantService.insertTenant(new TenantDraft(realm, name, null, null, null, null, null))
                    .await().atMost(Duration.ofSeconds(30));
            LOG.infof("Seeded tenant %s", realm);
        }
        demoCommunities.seed(tenant.id());
    }
}
