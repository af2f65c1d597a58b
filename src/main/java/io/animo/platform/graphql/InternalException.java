package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("INTERNAL")
public class InternalException extends ApiException {

    public InternalException() {
        super("Something went wrong on our side. Try again; if it persists, contact support.");
    }
}
