package io.animo.tenancy.domain;

/** Where a tenant's people live in Keycloak. */
public enum TenantKind {
    /** A realm of its own: its own sign-in, identity providers, policies and administrators (enterprise tenants). */
    REALM,
    /** An organization of the shared organizations realm (self-service tenants, thousands of them). */
    ORGANIZATION
}
