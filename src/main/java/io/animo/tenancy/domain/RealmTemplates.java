package io.animo.tenancy.domain;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm templates of {@code deploy/keycloak}, parsed into representations that the provisioners complete
 * field by field (no text substitution, so no JSON injection), and the representations both provisioners build.
 */
public final class RealmTemplates {

    static final String BROWSER_CLIENT = "animo-web";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private RealmTemplates() {
    }

    static RealmRepresentation read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return JSON.readValue(in, RealmRepresentation.class);
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable realm template " + resource, e);
        }
    }

    /** A person with a password (a temporary one must be changed at first login), without roles. */
    static UserRepresentation person(NewUser person) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(person.username());
        user.setEmail(person.email());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEnabled(true);
        user.setEmailVerified(true);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(person.password());
        password.setTemporary(person.temporaryPassword());
        user.setCredentials(List.of(password));
        if (person.temporaryPassword()) {
            user.setRequiredActions(List.of("UPDATE_PASSWORD"));
        }
        return user;
    }

    /** A public client with the password grant, like the browser client otherwise: local development and benchmarks only. */
    static ClientRepresentation passwordGrantClient(RealmRepresentation realm, String clientId) {
        ClientRepresentation browser = realm.getClients().stream()
                .filter(c -> BROWSER_CLIENT.equals(c.getClientId()))
                .findFirst().orElseThrow();
        ClientRepresentation client = publicPasswordGrantClient(clientId);
        client.setDefaultClientScopes(browser.getDefaultClientScopes());
        client.setOptionalClientScopes(browser.getOptionalClientScopes());
        client.setProtocolMappers(browser.getProtocolMappers());
        return client;
    }

    /** A public client with the password grant only, no browser flow: local development, tests and benchmarks. */
    public static ClientRepresentation publicPasswordGrantClient(String clientId) {
        ClientRepresentation client = new ClientRepresentation();
        client.setClientId(clientId);
        client.setName("Local development: password grant");
        client.setEnabled(true);
        client.setPublicClient(true);
        client.setDirectAccessGrantsEnabled(true);
        client.setStandardFlowEnabled(false);
        return client;
    }
}
