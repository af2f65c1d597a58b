package io.animo.platform.security;

/** Realm roles of a tenant realm, and the operator role of the platform realm. */
public final class Roles {

    public static final String TENANT_ADMIN = "tenant-admin";
    public static final String COMMUNITY_MANAGER = "community-manager";
    public static final String MODERATOR = "moderator";
    public static final String ANALYST = "analyst";
    public static final String MEMBER = "member";
    public static final String PLATFORM_ADMIN = "platform-admin";
    /** Held by the service account of the tenant's {@code animo-integration} client only. */
    public static final String INTEGRATION = "integration";

    /** Every role a person of a tenant can hold. */
    public static final String[] ANY_TENANT_ROLE = {TENANT_ADMIN, COMMUNITY_MANAGER, MODERATOR, ANALYST, MEMBER};

    private Roles() {
    }
}
