package io.animo.platform.graphql;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.graphql.execution.QueryCache;

import graphql.GraphQL;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.validation.ValidationError;
import graphql.validation.ValidationErrorType;

/**
 * Maximum depth and complexity (one point per field) of every operation, queries and subscriptions
 * alike. graphql-java's own checks answer without an error code; these abort with
 * {@code extensions.code = QUERY_TOO_COMPLEX} and say the limit, before anything runs.
 */
@ApplicationScoped
public class QueryLimits {

    private final int maxDepth;
    private final int maxComplexity;

    public QueryLimits(@ConfigProperty(name = "animo.graphql.max-depth") int maxDepth,
            @ConfigProperty(name = "animo.graphql.max-complexity") int maxComplexity) {
        this.maxDepth = maxDepth;
        this.maxComplexity = maxComplexity;
    }

    void install(@Observes GraphQL.Builder builder) {
        // replaces SmallRye's chain, so its query cache is set up again here
        QueryCache cache = new QueryCache();
        builder.preparsedDocumentProvider(cache);
        builder.instrumentation(new ChainedInstrumentation(List.of(
                new MaxQueryDepthInstrumentation(maxDepth, info -> {
                    throw tooComplex("The query is " + info.getDepth() + " levels deep; the limit is " + maxDepth + ".");
                }),
                new MaxQueryComplexityInstrumentation(maxComplexity, info -> {
                    throw tooComplex("The query asks for " + info.getComplexity() + " fields; the limit is " + maxComplexity
                            + ". Ask for fewer fields or split the query.");
                }),
                cache)));
    }

    private static AbortExecutionException tooComplex(String message) {
        ValidationError error = ValidationError.newValidationError()
                .validationErrorType(ValidationErrorType.MaxValidationErrorsReached)
                .description(message)
                .extensions(Map.of("code", "QUERY_TOO_COMPLEX"))
                .build();
        return new AbortExecutionException(List.of(error));
    }
}
