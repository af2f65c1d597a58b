package io.animo.tenancy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.animo.platform.security.Roles;

/**
 * Creates a tenant's realm in one call to the Keycloak admin API: roles, default roles, clients, the
 * integration account and the first people all travel in the realm's representation. One call, because
 * the account Animo provisions with holds {@code create-realm} only (see {@code deploy/keycloak/keycloak.sh}):
 * it can create a realm and nothing else, and no call of it ever walks the master realm's admin
 * composite, which grows with every realm. The realm comes from
 * {@code deploy/keycloak/tenant-realm-template.json} ({@link RealmTemplates}). Blocking: callers run it on a worker thread.
 */
@ApplicationScoped
public class RealmProvisioner {

    private static final Logger LOG = Logger.getLogger(RealmProvisioner.class);
    private static final String TEMPLATE = "keycloak/tenant-realm-template.json";
    private static final String INTEGRATION_CLIENT = "animo-integration";
    /** What a tenant admin needs to administer users and roles of their own realm, and only it. */
    public static final List<String> REALM_ADMIN_ROLES = List.of("manage-users", "view-users", "manage-realm", "query-groups",
            "view-realm");
    /** The roles Keycloak gives every realm; its default role holds them, and Animo's member role. */
    private static final List<String> BUILT_IN_ROLES = List.of("offline_access", "uma_authorization");

    private final ProvisioningAccounts accounts;
    private final Optional<String> passwordGrantClient;

    public RealmProvisioner(ProvisioningAccounts accounts,
            @ConfigProperty(name = "animo.keycloak.password-grant-client") Optional<String> passwordGrantClient) {
        this.accounts = accounts;
        this.passwordGrantClient = passwordGrantClient;
    }

    /** Creates the realm with its first people; false when a realm of that name exists already. */
    public boolean createRealm(String realm, String displayName, List<NewUser> people) {
        try {
            accounts.next().realms().create(tenantRealm(realm, displayName, people));
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                return false;
            }
            throw e;
        }
        LOG.infof("Created realm %s", realm);
        return true;
    }

    /** The whole realm, as one representation. */
    RealmRepresentation tenantRealm(String realm, String displayName, List<NewUser> people) {
        RealmRepresentation representation = RealmTemplates.read(TEMPLATE);
        representation.setRealm(realm);
        representation.setId(null);
        representation.setDisplayName(displayName);

        String defaultRoles = "default-roles-" + realm;
        RoleRepresentation defaults = new RoleRepresentation(defaultRoles, "${role_default-roles}", false);
        RoleRepresentation.Composites composites = new RoleRepresentation.Composites();
        List<String> defaultRealmRoles = new ArrayList<>(BUILT_IN_ROLES);
        defaultRealmRoles.add(Roles.MEMBER);
        composites.setRealm(Set.copyOf(defaultRealmRoles));
        defaults.setComposite(true);
        defaults.setComposites(composites);
        List<RoleRepresentation> realmRoles = new ArrayList<>(representation.getRoles().getRealm());
        BUILT_IN_ROLES.forEach(name -> realmRoles.add(new RoleRepresentation(name, "${role_" + name + "}", false)));
        realmRoles.add(defaults);
        representation.getRoles().setRealm(realmRoles);
        representation.setDefaultRole(new RoleRepresentation(defaultRoles, null, false));

        List<ClientRepresentation> clients = new ArrayList<>(representation.getClients());
        passwordGrantClient.ifPresent(clientId -> clients.add(RealmTemplates.passwordGrantClient(representation, clientId)));
        representation.setClients(clients);

        List<UserRepresentation> users = new ArrayList<>();
        users.add(integrationAccount());
        people.forEach(person -> users.add(user(person, defaultRoles)));
        representation.setUsers(users);
        return representation;
    }

    /** The service account of the integration client ingests content for external authors, and does nothing else. */
    private static UserRepresentation integrationAccount() {
        UserRepresentation account = new UserRepresentation();
        account.setUsername("service-account-" + INTEGRATION_CLIENT);
        account.setEnabled(true);
        account.setServiceAccountClientId(INTEGRATION_CLIENT);
        // no default roles: they would make the account a member too
        account.setRealmRoles(List.of(Roles.INTEGRATION));
        return account;
    }

    /** A person; imported people get exactly the roles listed, so the default role is listed too. */
    private static UserRepresentation user(NewUser person, String defaultRoles) {
        UserRepresentation user = RealmTemplates.person(person);
        List<String> roles = new ArrayList<>(person.realmRoles());
        roles.add(defaultRoles);
        user.setRealmRoles(roles);
        if (person.realmRoles().contains(Roles.TENANT_ADMIN)) {
            user.setClientRoles(Map.of("realm-management", REALM_ADMIN_ROLES));
        }
        return user;
    }
}
