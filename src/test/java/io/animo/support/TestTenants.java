package io.animo.support;

import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tenant of its own, provisioned through the API, for a test that changes tenant-wide settings. */
public final class TestTenants {

    public static final String ADMIN = "first-admin";
    public static final String PASSWORD = "a-long-test-passphrase";

    private TestTenants() {
    }

    /** The tenant's realm and id; its first admin logs in with {@link #PASSWORD}, and a second person, {@code second}, too. */
    public record Provisioned(String realm, String id) {

        public String adminToken() {
            return Tokens.fetch(realm, ADMIN, PASSWORD);
        }

        public String secondToken() {
            return Tokens.fetch(realm, "second", PASSWORD);
        }
    }

    /** A realm tenant; an organization tenant instead when the seeds are organizations (see {@link Organizations}). */
    public static Provisioned provision(String prefix) {
        if (Organizations.SEEDS_ARE_ORGANIZATIONS) {
            Organizations.Provisioned organization = Organizations.provision(prefix);
            return new Provisioned(organization.alias(), organization.id());
        }
        return provisionRealm(prefix);
    }

    /** A realm tenant, whatever the seeds are (a test of what only a realm of its own has). */
    public static Provisioned provisionRealm(String prefix) {
        String realm = prefix + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> input = new HashMap<>();
        input.put("realm", realm);
        input.put("name", "Tenant " + realm);
        input.put("adminEmail", "first-admin@example.com");
        input.put("adminUsername", ADMIN);
        input.put("adminFirstName", "First");
        input.put("adminLastName", "Admin");
        input.put("adminPassword", PASSWORD);
        String id = run(Tokens.operator(), "tenantProvision", vars("input", input))
                .body("data.tenantProvision.userErrors", empty())
                .extract().path("data.tenantProvision.tenant.id");
        KeycloakAdmin.addPasswordClient(realm);
        KeycloakAdmin.createUser(realm, "second", PASSWORD, List.of("member"));
        return new Provisioned(realm, id);
    }
}
