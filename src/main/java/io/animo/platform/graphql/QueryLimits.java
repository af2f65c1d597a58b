package io.animo.platform.graphql;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import io.smallrye.graphql.execution.QueryCache;
import io.smallrye.graphql.spi.EventingService;

import graphql.GraphQL;
import graphql.analysis.FieldComplexityEnvironment;
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

    static final int ROOT_FIELD_COST = 20;
    private static final int MAX_PAGE_SIZE = 100;

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
                new MaxQueryComplexityInstrumentation(maxComplexity, QueryLimits::cost, info -> {
                    throw tooComplex("The query costs " + info.getComplexity() + " points; the limit is " + maxComplexity
                            + ". Ask for fewer fields or smaller pages, or split the query.");
                }),
                cache)));
        return builder;
    }

    /**
     * One point per field. The {@code edges}/{@code nodes} of a connection count once per item the
     * page may return ({@code first}/{@code last} of the connection, 20 by default). A root field,
     * which opens its own transaction, costs {@link #ROOT_FIELD_COST} more, so one request cannot
     * occupy the connection pool.
     */
    static int cost(FieldComplexityEnvironment field, int childCost) {
        String name = field.getField().getName();
        FieldComplexityEnvironment parent = field.getParentEnvironment();
        int perItem = parent != null && (name.equals("edges") || name.equals("nodes")) ? pageSize(parent.getArguments()) : 1;
        int cost = 1 + childCost * perItem;
        return parent == null ? cost + ROOT_FIELD_COST : cost;
    }

    private static int pageSize(Map<String, Object> arguments) {
        Object size = arguments.get("first") != null ? arguments.get("first") : arguments.get("last");
        if (size instanceof Number number) {
            // larger pages are refused by the connection itself, with a clearer message
            return Math.max(1, Math.min(number.intValue(), MAX_PAGE_SIZE));
        }
        return PageRequest.DEFAULT_SIZE;
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
