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

import io.animo.platform.security.KeycloakRealms;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.NewUser;
import io.animo.tenancy.domain.OrganizationProvisioner;
import io.animo.tenancy.domain.RealmProvisioner;
import io.animo.tenancy.domain.TenantDraft;
import io.animo.tenancy.domain.TenantKind;
import io.animo.tenancy.domain.TenantService;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev and test only: makes sure the seed tenants exist (realm from the template, one user per
 * role, a password-grant client {@code animo-cli}, the tenant row; or, with {@code animo.seed.tenant-kind}
 * ORGANIZATION, organizations of the shared realm) and an operator in the platform realm. Idempotent: it only
 * adds what is missing.
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
    private final LocalKeycloak keycloak;
    private final DemoCommunities demoCommunities;
    private final TenantKind kind;
    private final OrganizationProvisioner organizations;
    private final KeycloakRealms keycloakRealms;

    public DemoSeeder(@ConfigProperty(name = "animo.seed.tenants") Optional<List<String>> tenants,
            @ConfigProperty(name = "animo.seed.password", defaultValue = "") String password,
            @ConfigProperty(name = "animo.keycloak.platform-realm") String platformRealm,
            @ConfigProperty(name = "animo.seed.tenant-kind", defaultValue = "REALM") TenantKind kind,
            RealmProvisioner realms, TenantService tenantService, LocalKeycloak keycloak, DemoCommunities demoCommunities,
            OrganizationProvisioner organizations, KeycloakRealms keycloakRealms) {
        this.kind = kind;
        this.organizations = organizations;
        this.keycloakRealms = keycloakRealms;
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
        for (String handle : tenants.get()) {
            if (kind == TenantKind.ORGANIZATION) {
                seedOrganization(handle);
            } else {
                seedTenant(handle);
            }
        }
    }

    /**
     * A seed tenant as an organization of the shared realm; its people are {@code <alias>-<username>} there (usernames
     * are the realm's, not the organization's).
     */
    private void seedOrganization(String alias) {
        String name = Character.toUpperCase(alias.charAt(0)) + alias.substring(1);
        var tenant = tenantService.byKey(keycloakRealms.organizationsRealm(), alias).await().atMost(Duration.ofSeconds(30));
        if (tenant == null) {
            List<NewUser> people = PEOPLE.entrySet().stream()
                    .map(person -> new NewUser(alias + "-" + person.getKey(), person.getKey() + "@" + alias + ".example",
                            Character.toUpperCase(person.getKey().charAt(0)) + person.getKey().substring(1), name,
                            password, false, person.getValue()))
                    .toList();
            NewUser admin = people.stream().filter(p -> p.username().equals(alias + "-admin")).findFirst().orElseThrow();
            organizations.create(alias, name, admin);
            people.stream().filter(p -> p != admin).forEach(person -> organizations.addPerson(alias, person));
            tenant = tenantService.insertTenant(new TenantDraft(TenantKind.ORGANIZATION, null, alias, name, null, null,
                    null, null, null)).await().atMost(Duration.ofSeconds(30));
            LOG.infof("Seeded organization tenant %s", alias);
        }
        demoCommunities.seed(tenant.id());
    }

    private void seedOperator() {
        keycloak.ensurePasswordGrantClient(platformRealm, DEV_CLIENT);
        if (keycloak.findUserId(platformRealm, "operator").isEmpty()) {
            keycloak.createUser(platformRealm, "operator", "operator@animo.example", "Platform", "Operator", password,
                    List.of(Roles.PLATFORM_ADMIN));
        }
    }

    /** A new seed realm is provisioned as the service provisions tenants (one call); an existing one is completed. */
    private void seedTenant(String realm) {
        String name = Character.toUpperCase(realm.charAt(0)) + realm.substring(1);
        List<NewUser> people = PEOPLE.entrySet().stream()
                .map(person -> new NewUser(person.getKey(), person.getKey() + "@" + realm + ".example",
                        Character.toUpperCase(person.getKey().charAt(0)) + person.getKey().substring(1), name, password,
                        false, person.getValue()))
                .toList();
        if (!keycloak.realmExists(realm)) {
            realms.createRealm(realm, name, people);
        }
        keycloak.ensurePasswordGrantClient(realm, DEV_CLIENT);
        for (NewUser person : people) {
            if (keycloak.findUserId(realm, person.username()).isEmpty()) {
                keycloak.createUser(realm, person.username(), person.email(), person.firstName(), person.lastName(),
                        person.password(), person.realmRoles());
            }
        }
        var tenant = tenantService.byKey(realm, null).await().atMost(Duration.ofSeconds(30));
        if (tenant == null) {
            tenant = tenantService.insertTenant(TenantDraft.realm(realm, name, null, null, null, null, null))
                    .await().atMost(Duration.ofSeconds(30));
            LOG.infof("Seeded tenant %s", realm);
        }
        demoCommunities.seed(tenant.id());
    }
}
