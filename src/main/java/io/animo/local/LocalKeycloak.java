package io.animo.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.ProtocolMapperRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.RealmProvisioner;
import io.animo.tenancy.domain.RealmTemplates;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * Dev and test only: the local Keycloak's bootstrap admin, to seed people into realms that exist
 * already (the platform realm, seed tenants after a restart). The service itself never holds these
 * rights: it provisions with an account that can only create realms.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class LocalKeycloak {

    private final Keycloak keycloak;

    public LocalKeycloak(@ConfigProperty(name = "animo.keycloak.url") String url,
            @ConfigProperty(name = "animo.seed.keycloak-admin-username", defaultValue = "admin") String username,
            @ConfigProperty(name = "animo.seed.keycloak-admin-password", defaultValue = "admin") String password) {
        this.keycloak = KeycloakBuilder.builder().serverUrl(url).realm("master").clientId("admin-cli")
                .username(username).password(password).grantType("password").build();
    }

    @PreDestroy
    void close() {
        keycloak.close();
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

    public Optional<String> findUserId(String realm, String username) {
        return keycloak.realm(realm).users().searchByUsername(username, true).stream().findFirst()
                .map(UserRepresentation::getId);
    }

    /** A person with a password and realm roles; tenant admins also get the realm-management roles. */
    public void createUser(String realm, String username, String email, String firstName, String lastName,
            String password, List<String> realmRoles) {
        RealmResource resource = keycloak.realm(realm);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        user.setCredentials(List.of(credential));
        String id;
        try (Response response = resource.users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        List<RoleRepresentation> roles = realmRoles.stream()
                .map(name -> resource.roles().get(name).toRepresentation())
                .toList();
        resource.users().get(id).roles().realmLevel().add(roles);
        if (realmRoles.contains(Roles.TENANT_ADMIN)) {
            ClientRepresentation management = resource.clients().findByClientId("realm-management").get(0);
            List<RoleRepresentation> managementRoles = RealmProvisioner.REALM_ADMIN_ROLES.stream()
                    .map(name -> resource.clients().get(management.getId()).roles().get(name).toRepresentation())
                    .toList();
            resource.users().get(id).roles().clientLevel(management.getId()).add(managementRoles);
        }
    }

    /** A public client with the password grant and the API audience, for local development and tests only. */
    public void ensurePasswordGrantClient(String realm, String clientId) {
        RealmResource resource = keycloak.realm(realm);
        if (!resource.clients().findByClientId(clientId).isEmpty()) {
            return;
        }
        ClientRepresentation client = RealmTemplates.publicPasswordGrantClient(clientId);
        client.setProtocolMappers(List.of(audienceMapper()));
        resource.clients().create(client).close();
    }

    private static ProtocolMapperRepresentation audienceMapper() {
        ProtocolMapperRepresentation mapper = new ProtocolMapperRepresentation();
        mapper.setName("animo-api audience");
        mapper.setProtocol("openid-connect");
        mapper.setProtocolMapper("oidc-audience-mapper");
        mapper.setConfig(Map.of("included.custom.audience", "animo-api", "access.token.claim", "true",
                "id.token.claim", "false"));
        return mapper;
    }
}
