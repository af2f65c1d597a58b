package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("FORBIDDEN")
public class ForbiddenException extends ApiException {

    public ForbiddenException(String message) {
        super(message);
    }
}
