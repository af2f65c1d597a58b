package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("TENANT_SUSPENDED")
public class TenantSuspendedException extends ApiException {

    public TenantSuspendedException() {
        super("This tenant is suspended. Contact your Animo operator.");
    }
}
