package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("UNAVAILABLE")
public class ServiceUnavailableException extends ApiException {

    public ServiceUnavailableException(String message) {
        super(message);
    }
}
