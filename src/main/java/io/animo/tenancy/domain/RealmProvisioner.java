package io.animo.tenancy.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.animo.platform.security.Roles;

/**
 * Creates and removes tenant realms through the Keycloak admin API. The realm comes from
 * {@code deploy/keycloak/tenant-realm-template.json}, parsed into a representation and completed
 * field by field (no text substitution, so no JSON injection). Every call blocks: callers run it on
 * a worker thread.
 */
@ApplicationScoped
public class RealmProvisioner {

    private static final Logger LOG = Logger.getLogger(RealmProvisioner.class);
    private static final String TEMPLATE = "keycloak/tenant-realm-template.json";
    private static final String INTEGRATION_CLIENT = "animo-integration";
    /** What a tenant admin needs to administer users and roles of their own realm, and only it. */
    private static final List<String> REALM_ADMIN_ROLES = List.of("manage-users", "view-users", "manage-realm",
            "query-groups", "view-realm");

    private final Keycloak keycloak;
    private final ObjectMapper json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public RealmProvisioner(Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    public boolean realmExists(String realm) {
        try {
            keycloak.realm(realm).toRepresentation();
            return true;
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return false;
            }
            throw e;
        }
    }

    /** Creates the realm; false when it already exists. */
    public boolean createRealm(String realm, String displayName) {
        RealmRepresentation representation = template();
        representation.setRealm(realm);
        representation.setId(null);
        representation.setDisplayName(displayName);
        try {
            keycloak.realms().create(representation);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 409) {
                return false;
            }
            throw e;
        }
        RealmResource created = keycloak.realm(realm);
        RoleRepresentation member = created.roles().get(Roles.MEMBER).toRepresentation();
        created.roles().get("default-roles-" + realm).addComposites(List.of(member));
        grantIntegrationRole(created);
        LOG.infof("Created realm %s", realm);
        return true;
    }

    public void deleteRealm(String realm) {
        try {
            keycloak.realm(realm).remove();
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 404) {
                throw e;
            }
        }
    }

    /** Creates a person with realm roles; tenant admins also get the realm-management roles. Returns the user id. */
    public String createUser(String realm, NewUser user) {
        RealmResource resource = keycloak.realm(realm);
        UserRepresentation representation = new UserRepresentation();
        representation.setUsername(user.username());
        representation.setEmail(user.email());
        representation.setFirstName(user.firstName());
        representation.setLastName(user.lastName());
        representation.setEnabled(true);
        representation.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(user.password());
        password.setTemporary(user.temporaryPassword());
        representation.setCredentials(List.of(password));
        if (user.temporaryPassword()) {
            representation.setRequiredActions(List.of("UPDATE_PASSWORD"));
        }
        String id;
        try (Response response = resource.users().create(representation)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        List<RoleRepresentation> roles = user.realmRoles().stream()
                .map(name -> resource.roles().get(name).toRepresentation())
                .toList();
        resource.users().get(id).roles().realmLevel().add(roles);
        if (user.realmRoles().contains(Roles.TENANT_ADMIN)) {
            grantRealmManagement(resource, id);
        }
        return id;
    }

    public Optional<String> findUserId(String realm, String username) {
        return keycloak.realm(realm).users().searchByUsername(username, true).stream().findFirst()
                .map(UserRepresentation::getId);
    }

    /** A public client with the password grant, for local development and tests only. */
    public void ensureDevClient(String realm, String clientId) {
        RealmResource resource = keycloak.realm(realm);
        if (!resource.clients().findByClientId(clientId).isEmpty()) {
            return;
        }
        ClientRepresentation client = template().getClients().stream()
                .filter(c -> "animo-web".equals(c.getClientId()))
                .findFirst().orElseThrow();
        client.setId(null);
        client.setClientId(clientId);
        client.setName("Local development: password grant");
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        resource.clients().create(client).close();
    }

    /** The service account of the integration client ingests content for external authors, and does nothing else. */
    private static void grantIntegrationRole(RealmResource realm) {
        ClientRepresentation integration = realm.clients().findByClientId(INTEGRATION_CLIENT).get(0);
        String accountId = realm.clients().get(integration.getId()).getServiceAccountUser().getId();
        RoleRepresentation role = realm.roles().get(Roles.INTEGRATION).toRepresentation();
        realm.users().get(accountId).roles().realmLevel().add(List.of(role));
        // the default roles would make the account a member too: it only ingests
        RoleRepresentation defaults = realm.roles().get("default-roles-" + realm.toRepresentation().getRealm())
                .toRepresentation();
        realm.users().get(accountId).roles().realmLevel().remove(List.of(defaults));
    }

    private void grantRealmManagement(RealmResource realm, String userId) {
        ClientRepresentation management = realm.clients().findByClientId("realm-management").get(0);
        List<RoleRepresentation> roles = REALM_ADMIN_ROLES.stream()
                .map(name -> realm.clients().get(management.getId()).roles().get(name).toRepresentation())
                .toList();
        realm.users().get(userId).roles().clientLevel(management.getId()).add(roles);
    }

    private RealmRepresentation template() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + TEMPLATE);
            }
            return json.readValue(in, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable realm template", e);
        }
    }
}
