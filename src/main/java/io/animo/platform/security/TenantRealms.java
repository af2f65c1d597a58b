package io.animo.platform.security;

import io.smallrye.mutiny.Uni;

/** Whether a realm belongs to a tenant: only those (and the platform realm) may authenticate. */
public interface TenantRealms {

    Uni<Boolean> isTenant(String realm);
}
