package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;

@ErrorCode("QUERY_TOO_COMPLEX")
public class QueryTooComplexException extends ApiException {

    public QueryTooComplexException(String message) {
        super(message);
    }
}
