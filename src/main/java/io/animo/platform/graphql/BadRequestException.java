package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("BAD_REQUEST")
public class BadRequestException extends ApiException {

    public BadRequestException(String message) {
        super(message);
    }
}
