package io.animo.platform.graphql;

/**
 * Base of every error that reaches a GraphQL client outside {@code userErrors}. Subclasses carry a
 * stable {@code extensions.code} through {@code @ErrorCode}; their message is written for the caller
 * and never contains internals.
 */
public abstract class ApiException extends RuntimeException {

    protected ApiException(String message) {
        super(message, null, false, false);
    }
}
