package io.animo.platform.graphql;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;

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
 * <p>
 * Installed through SmallRye's {@link EventingService} SPI (META-INF/services) rather than CDI
 * events: enabling CDI events makes SmallRye fire several per request, which cost measurable CPU.
 */
public class QueryLimits implements EventingService {

    @Override
    public String getConfigKey() {
        return "animo.graphql.limits.enabled";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        var config = ConfigProvider.getConfig();
        int maxDepth = config.getValue("animo.graphql.max-depth", Integer.class);
        int maxComplexity = config.getValue("animo.graphql.max-complexity", Integer.class);
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
        return builder;
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
