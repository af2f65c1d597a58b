package io.animo.listening.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** The outcome of a change to a source: the source (and, when just added, its webhook secret), or why not. */
public record SourceResult(Source source, String webhookSecret, List<UserError> userErrors) {

    static SourceResult ok(Source source, String webhookSecret) {
        return new SourceResult(source, webhookSecret, List.of());
    }

    public static SourceResult refused(String field, String code, String message) {
        return new SourceResult(null, null, List.of(UserError.of(field, code, message)));
    }

    static SourceResult refused(UserError error) {
        return new SourceResult(null, null, List.of(error));
    }
}
