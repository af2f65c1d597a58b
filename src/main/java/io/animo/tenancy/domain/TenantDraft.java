package io.animo.tenancy.domain;

/**
 * What an operator gives to provision a tenant. A null password means: generate a temporary one. A realm tenant
 * names its {@code realm}; an organization tenant names its {@code organization} alias (in the shared realm).
 */
public record TenantDraft(TenantKind kind, String realm, String organization, String name, String adminUsername,
        String adminEmail, String adminFirstName, String adminLastName, String adminPassword) {

    /** A realm tenant. */
    public static TenantDraft realm(String realm, String name, String adminUsername, String adminEmail,
            String adminFirstName, String adminLastName, String adminPassword) {
        return new TenantDraft(TenantKind.REALM, realm, null, name, adminUsername, adminEmail, adminFirstName,
                adminLastName, adminPassword);
    }
}
