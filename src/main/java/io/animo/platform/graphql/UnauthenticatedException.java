package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("UNAUTHENTICATED")
public class UnauthenticatedException extends ApiException {

    public UnauthenticatedException() {
        super("A valid access token is required.");
    }
}
