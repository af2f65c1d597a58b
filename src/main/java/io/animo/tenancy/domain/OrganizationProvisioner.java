package io.animo.tenancy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;
import org.keycloak.representations.idm.OrganizationRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.animo.platform.security.KeycloakRealms;
import io.animo.platform.security.Roles;

/**
 * Creates organization tenants in the shared organizations realm: the organization, a group per Animo role
 * under {@code /<alias>} (an organization's roles: realm roles would be shared by every organization), and the
 * first admin, a member of the organization in its tenant-admin and member groups. The realm itself is created
 * once, by the provisioning account, from {@code deploy/keycloak/organizations-realm-template.json}; from then on
 * Animo works in it as the service account of its client {@code animo-organizations} (secret configured), which
 * administers that realm only. Blocking: callers run it on a worker thread.
 */
@ApplicationScoped
public class OrganizationProvisioner {

    /** What became of a request for an organization. */
    public enum Outcome {
        CREATED, ALIAS_TAKEN, USERNAME_TAKEN
    }

    static final String CLIENT = "animo-organizations";
    /** An organization's integration client is this, then {@code -<alias>}. */
    public static final String INTEGRATION_CLIENT = "animo-integration";
    private static final Logger LOG = Logger.getLogger(OrganizationProvisioner.class);
    private static final String TEMPLATE = "keycloak/organizations-realm-template.json";
    /** The roles an organization can give, each a group under the organization's own. */
    static final List<String> ROLES = List.of(Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR,
            Roles.ANALYST, Roles.MEMBER);

    private final ProvisioningAccounts provisioner;
    private final String keycloakUrl;
    private final String realm;
    private final Optional<String> secret;
    private final Optional<String> passwordGrantClient;
    private volatile Keycloak shared;

    public OrganizationProvisioner(ProvisioningAccounts provisioner, KeycloakRealms realms,
            @ConfigProperty(name = "animo.keycloak.organizations-client-secret") Optional<String> secret,
            @ConfigProperty(name = "animo.keycloak.password-grant-client") Optional<String> passwordGrantClient) {
        this.provisioner = provisioner;
        this.keycloakUrl = realms.keycloakUrl();
        this.realm = realms.organizationsRealm();
        this.secret = secret;
        this.passwordGrantClient = passwordGrantClient;
    }

    @PreDestroy
    void close() {
        if (shared != null) {
            shared.close();
        }
    }

    /** Organization tenants need the secret of the organizations realm's client. */
    public boolean enabled() {
        return secret.isPresent();
    }

    /** Creates the organization, its role groups and its first admin; on any failure nothing of it stays. */
    public Outcome create(String alias, String name, NewUser admin) {
        RealmResource resource = sharedRealm();
        OrganizationRepresentation organization = new OrganizationRepresentation();
        organization.setAlias(alias);
        // Keycloak wants names unique too; tenants' display names need not be: the name is the alias
        organization.setName(alias);
        organization.setDescription(name);
        organization.setEnabled(true);
        String organizationId;
        try (Response response = resource.organizations().create(organization)) {
            if (response.getStatus() == 409) {
                return Outcome.ALIAS_TAKEN;
            }
            organizationId = CreatedResponseUtil.getCreatedId(response);
        }
        String userId = null;
        String groupId = null;
        String integrationClientId = null;
        try {
            if (!resource.users().searchByUsername(admin.username(), true).isEmpty()) {
                resource.organizations().get(organizationId).delete().close();
                return Outcome.USERNAME_TAKEN;
            }
            try (Response response = resource.users().create(RealmTemplates.person(admin))) {
                if (response.getStatus() == 409) {
                    resource.organizations().get(organizationId).delete().close();
                    return Outcome.USERNAME_TAKEN;
                }
                userId = CreatedResponseUtil.getCreatedId(response);
            }
            try (Response response = resource.organizations().get(organizationId).members().addMember(userId)) {
                expectCreated(response, "add the first admin to organization " + alias);
            }
            groupId = createGroup(resource, alias);
            for (String role : ROLES) {
                String roleGroup = createSubgroup(resource, groupId, role);
                if (admin.realmRoles().contains(role)) {
                    resource.users().get(userId).joinGroup(roleGroup);
                }
            }
            integrationClientId = createIntegrationAccount(resource, organizationId, groupId, alias);
            LOG.infof("Created organization %s in realm %s", alias, realm);
            return Outcome.CREATED;
        } catch (RuntimeException e) {
            undo(resource, organizationId, userId, groupId, integrationClientId);
            throw e;
        }
    }

    /**
     * The organization's integration account (ingestion for external authors), like a realm tenant's
     * {@code animo-integration}: a confidential client {@code animo-integration-<alias>} whose service account is a
     * member of the organization in its {@code integration} group and nothing else. Its tokens name the organization
     * (the organization scope is one of its default scopes). Returns the client's id.
     */
    private String createIntegrationAccount(RealmResource resource, String organizationId, String groupId, String alias) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(INTEGRATION_CLIENT + "-" + alias);
        client.setName("Trusted integrations of " + alias + " (content ingestion)");
        client.setEnabled(true);
        client.setPublicClient(false);
        client.setServiceAccountsEnabled(true);
        client.setStandardFlowEnabled(false);
        client.setDirectAccessGrantsEnabled(false);
        ClientRepresentation browser = RealmTemplates.read(TEMPLATE).getClients().stream()
                .filter(c -> RealmTemplates.BROWSER_CLIENT.equals(c.getClientId())).findFirst().orElseThrow();
        List<String> scopes = new ArrayList<>(browser.getDefaultClientScopes());
        scopes.add("organization");
        client.setDefaultClientScopes(scopes);
        client.setProtocolMappers(browser.getProtocolMappers());
        String clientId;
        try (Response response = resource.clients().create(client)) {
            expectCreated(response, "create the integration client of organization " + alias);
            clientId = CreatedResponseUtil.getCreatedId(response);
        }
        String accountId = resource.clients().get(clientId).getServiceAccountUser().getId();
        try (Response response = resource.organizations().get(organizationId).members().addMember(accountId)) {
            expectCreated(response, "add the integration account to organization " + alias);
        }
        resource.users().get(accountId).joinGroup(createSubgroup(resource, groupId, Roles.INTEGRATION));
        return clientId;
    }

    /**
     * Adds a person to an existing organization with the roles of {@code person.realmRoles()} (its role groups); a
     * person of that username who exists already is added as they are (seeding). Returns the user's id.
     */
    public String addPerson(String alias, NewUser person) {
        RealmResource resource = sharedRealm();
        String userId;
        try (Response response = resource.users().create(RealmTemplates.person(person))) {
            userId = response.getStatus() == 409
                    ? resource.users().searchByUsername(person.username(), true).get(0).getId()
                    : CreatedResponseUtil.getCreatedId(response);
        }
        join(resource, alias, userId, person.realmRoles());
        return userId;
    }

    /** A new person of the organization; empty when the username or e-mail address is someone's in the realm already. */
    public Optional<Person> addNew(String alias, NewUser person) {
        RealmResource resource = sharedRealm();
        String userId;
        try (Response response = resource.users().create(RealmTemplates.person(person))) {
            if (response.getStatus() == 409) {
                return Optional.empty();
            }
            userId = CreatedResponseUtil.getCreatedId(response);
        }
        try {
            join(resource, alias, userId, person.realmRoles());
        } catch (RuntimeException e) {
            resource.users().delete(userId).close();
            throw e;
        }
        return person(alias, person.username());
    }

    private static void join(RealmResource resource, String alias, String userId, List<String> roles) {
        try (Response response = resource.organizations().get(organizationId(resource, alias)).members()
                .addMember(userId)) {
            if (response.getStatus() != 409) {
                expectCreated(response, "add a person to organization " + alias);
            }
        }
        for (String role : roles) {
            resource.users().get(userId).joinGroup(resource.getGroupByPath(alias + "/" + role).getId());
        }
    }

    /** A person of an organization: the Keycloak user and their roles there. */
    public record Person(String id, String username, String email, String firstName, String lastName,
            List<String> roles) {
    }

    /** The organization's people, by username, {@code max} from {@code first}; {@code search} in name or e-mail. */
    public List<Person> people(String alias, String search, int first, int max) {
        RealmResource resource = sharedRealm();
        return resource.organizations().get(organizationId(resource, alias)).members()
                .search(search, false, first, max).stream()
                .filter(member -> !isServiceAccount(member.getUsername()))
                .map(member -> person(resource, alias, member))
                .toList();
    }

    /** A member of the organization by username; empty for anyone else (people of other organizations included). */
    public Optional<Person> person(String alias, String username) {
        if (isServiceAccount(username)) {
            return Optional.empty();
        }
        RealmResource resource = sharedRealm();
        String organizationId = organizationId(resource, alias);
        return resource.users().searchByUsername(username, true).stream().findFirst()
                .filter(user -> isMember(resource, organizationId, user.getId()))
                .map(user -> person(resource, alias, user));
    }

    /** The person's role groups in the organization become exactly {@code roles}; other organizations' are untouched. */
    public void setRoles(String alias, String userId, List<String> roles) {
        RealmResource resource = sharedRealm();
        String prefix = "/" + alias + "/";
        for (GroupRepresentation group : resource.users().get(userId).groups()) {
            if (group.getPath() != null && group.getPath().startsWith(prefix) && !roles.contains(group.getName())) {
                resource.users().get(userId).leaveGroup(group.getId());
            }
        }
        for (String role : roles) {
            resource.users().get(userId).joinGroup(resource.getGroupByPath(alias + "/" + role).getId());
        }
    }

    /** The person leaves the organization and its role groups; they stay in the realm (other organizations may hold them). */
    public void remove(String alias, String userId) {
        setRoles(alias, userId, List.of());
        RealmResource resource = sharedRealm();
        try (Response response = resource.organizations().get(organizationId(resource, alias)).members()
                .member(userId).delete()) {
            if (response.getStatus() != 204) {
                throw new IllegalStateException("Keycloak refused to remove a member: HTTP " + response.getStatus());
            }
        }
    }

    /** The organization's integration account is no person its admins manage. */
    private static boolean isServiceAccount(String username) {
        return username != null && username.startsWith("service-account-");
    }

    private static boolean isMember(RealmResource resource, String organizationId, String userId) {
        try {
            resource.organizations().get(organizationId).members().member(userId).toRepresentation();
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static Person person(RealmResource resource, String alias, UserRepresentation user) {
        String prefix = "/" + alias + "/";
        List<String> roles = resource.users().get(user.getId()).groups().stream()
                .map(GroupRepresentation::getPath)
                .filter(path -> path != null && path.startsWith(prefix))
                .map(path -> path.substring(prefix.length()))
                .filter(ROLES::contains)
                .sorted()
                .toList();
        return new Person(user.getId(), user.getUsername(), user.getEmail(), user.getFirstName(), user.getLastName(),
                roles);
    }

    /** The organization's name is its alias (see create). */
    private static String organizationId(RealmResource resource, String alias) {
        return resource.organizations().search(alias, true, 0, 1).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No organization " + alias)).getId();
    }

    private static String createGroup(RealmResource resource, String alias) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(alias);
        try (Response response = resource.groups().add(group)) {
            expectCreated(response, "create the group of organization " + alias);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static String createSubgroup(RealmResource resource, String parentId, String role) {
        GroupRepresentation group = new GroupRepresentation();
        group.setName(role);
        try (Response response = resource.groups().group(parentId).subGroup(group)) {
            expectCreated(response, "create the role group " + role);
            return CreatedResponseUtil.getCreatedId(response);
        }
    }

    private static void expectCreated(Response response, String what) {
        if (response.getStatus() != 201) {
            throw new IllegalStateException("Keycloak refused to " + what + ": HTTP " + response.getStatus());
        }
    }

    private void undo(RealmResource resource, String organizationId, String userId, String groupId,
            String integrationClientId) {
        try {
            resource.organizations().get(organizationId).delete().close();
            if (integrationClientId != null) {
                resource.clients().get(integrationClientId).remove();
            }
            if (userId != null) {
                resource.users().delete(userId).close();
            }
            if (groupId != null) {
                resource.groups().group(groupId).remove();
            }
        } catch (RuntimeException e) {
            LOG.warnf("Could not undo a failed organization in realm %s: %s", realm, e.getMessage());
        }
    }

    /** The organizations realm as Animo's client there sees it; the realm is created first when missing. */
    RealmResource sharedRealm() {
        Keycloak client = shared;
        if (client == null) {
            synchronized (this) {
                if (shared == null) {
                    createRealmIfMissing();
                    shared = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm(realm).clientId(CLIENT)
                            .clientSecret(secret.orElseThrow()).grantType("client_credentials").build();
                }
                client = shared;
            }
        }
        return client.realm(realm);
    }

    private void createRealmIfMissing() {
        try {
            provisioner.next().realms().create(sharedRealmRepresentation());
            LOG.infof("Created the organizations realm %s", realm);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 409) {
                throw e;
            }
        }
    }

    RealmRepresentation sharedRealmRepresentation() {
        RealmRepresentation representation = RealmTemplates.read(TEMPLATE);
        representation.setRealm(realm);
        List<ClientRepresentation> clients = new ArrayList<>(representation.getClients());
        clients.stream().filter(c -> CLIENT.equals(c.getClientId())).forEach(c -> c.setSecret(secret.orElseThrow()));
        passwordGrantClient.ifPresent(clientId -> clients.add(RealmTemplates.passwordGrantClient(representation, clientId)));
        representation.setClients(clients);
        return representation;
    }
}
