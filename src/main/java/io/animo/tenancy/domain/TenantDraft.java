package io.animo.tenancy.domain;

/** What an operator gives to provision a tenant. A null password means: generate a temporary one. */
public record TenantDraft(String realm, String name, String adminUsername, String adminEmail, String adminFirstName,
        String adminLastName, String adminPassword) {
}
