package io.animo.platform.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.CoercedVariables;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.DocumentAndVariables;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.validation.ValidationError;

/**
 * What an operation may ask, checked before anything runs, queries, mutations and subscriptions alike:
 * its depth, its cost in points, and whether the caller's and their tenant's budgets ({@link CostBudget})
 * hold that cost. Refusals carry {@code extensions.code} ({@code QUERY_TOO_COMPLEX}, {@code RATE_LIMITED});
 * every response carries {@code extensions.cost {requested remaining resetAt}}.
 * <p>
 * Introspection ({@code __schema}, {@code __type} and what they select) counts for neither depth nor cost:
 * the standard introspection query of GraphiQL and codegen is 13 to 15 levels deep. graphql-java's own
 * good-faith check bounds introspection instead (each introspection field at most once per operation,
 * 500 fields, 20 levels).
 * <p>
 * Installed through SmallRye's {@link EventingService} SPI (META-INF/services) rather than CDI events, which
 * cost measurable CPU per request; it wraps SmallRye's own instrumentation, which keeps its parsed-query cache.
 */
public class QueryLimits implements EventingService {

    static final int ROOT_FIELD_COST = 20;
    /** A mutation writes and audits: each root field of a mutation costs this much more than a query's. */
    static final int MUTATION_COST = 30;
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
        Instrumentation smallRye = builder.build().getInstrumentation();
        builder.instrumentation(new Limits(maxDepth, maxComplexity, smallRye));
        return builder;
    }

    /** Per operation: SmallRye's own state, and the charge for the response's extensions. */
    private static final class Charged implements InstrumentationState {
        private final InstrumentationState smallRye;
        private volatile CostBudget.Charge charge;

        Charged(InstrumentationState smallRye) {
            this.smallRye = smallRye;
        }
    }

    /**
     * The one instrumentation of the service. SmallRye's own (its parsed-query cache, which acts at validation) gets
     * the operation-level phases and nothing per field: chained in the usual way, every field of every response
     * went through two chains of no-op contexts, a tenth of the CPU of a page of 20 communities.
     */
    private static final class Limits extends SimplePerformantInstrumentation {

        private final int maxDepth;
        private final int maxComplexity;
        private final Instrumentation smallRye;
        private final Measures measures = new Measures();

        Limits(int maxDepth, int maxComplexity, Instrumentation smallRye) {
            this.maxDepth = maxDepth;
            this.maxComplexity = maxComplexity;
            this.smallRye = smallRye;
        }

        @Override
        public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
            CompletableFuture<InstrumentationState> theirs = smallRye.createStateAsync(parameters);
            if (theirs == null) {
                return CompletableFuture.completedFuture(new Charged(null));
            }
            return theirs.thenApply(Charged::new);
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            return smallRye.beginExecution(parameters, theirs(state));
        }

        @Override
        public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            return smallRye.beginParse(parameters, theirs(state));
        }

        @Override
        public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
                InstrumentationState state) {
            return smallRye.beginValidation(parameters, theirs(state));
        }

        // SmallRye leaves the locale out; graphql-java then prints no default value of an argument in introspection
        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            ExecutionInput localized = input.getLocale() != null
                    ? input
                    : input.transform(builder -> builder.locale(Locale.ROOT));
            return smallRye.instrumentExecutionInput(localized, parameters, theirs(state));
        }

        @Override
        public DocumentAndVariables instrumentDocumentAndVariables(DocumentAndVariables documentAndVariables,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return smallRye.instrumentDocumentAndVariables(documentAndVariables, parameters, theirs(state));
        }

        @Override
        public GraphQLSchema instrumentSchema(GraphQLSchema schema, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            return smallRye.instrumentSchema(schema, parameters, theirs(state));
        }

        @Override
        public ExecutionContext instrumentExecutionContext(ExecutionContext context,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return smallRye.instrumentExecutionContext(context, parameters, theirs(state));
        }

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(
                InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            ExecutionContext context = parameters.getExecutionContext();
            Document document = context.getDocument();
            String operation = context.getExecutionInput().getOperationName();
            Measures.Measure measure = measures.of(context.getGraphQLSchema(), document, operation,
                    context.getCoercedVariables());
            int depth = measure.depth();
            if (depth > maxDepth) {
                throw abort("QUERY_TOO_COMPLEX", "The query is " + depth + " levels deep; the limit is " + maxDepth + ".",
                        Map.of());
            }
            int cost = measure.cost();
            if (cost > maxComplexity) {
                throw abort("QUERY_TOO_COMPLEX", "The query costs " + cost + " points; the limit is " + maxComplexity
                        + ". Ask for fewer fields or smaller pages, or split the query.", Map.of());
            }
            CostBudget.Charge charge = Arc.container().instance(CostBudget.class).get().charge(cost);
            ((Charged) state).charge = charge;
            if (!charge.allowed()) {
                throw abort("RATE_LIMITED", charge.refusalMessage(), Map.of("retryAfterSeconds", charge.retryAfterSeconds()));
            }
            return smallRye.beginExecuteOperation(parameters, theirs(state));
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            return smallRye.instrumentExecutionResult(result, parameters, theirs(state))
                    .thenApply(theirs -> withCost(theirs, state));
        }

        private static ExecutionResult withCost(ExecutionResult result, InstrumentationState state) {
            CostBudget.Charge charge = state instanceof Charged charged ? charged.charge : null;
            if (charge == null) {
                return result;
            }
            Map<String, Object> cost = Map.of("requested", charge.requested(), "remaining", charge.remaining(), "resetAt",
                    charge.resetAt().toString());
            return result.transform(builder -> builder.addExtension("cost", cost));
        }

        private static InstrumentationState theirs(InstrumentationState state) {
            return state instanceof Charged charged ? charged.smallRye : null;
        }
    }

    /** The deepest path of fields, not counting introspection. */
    static int depth(GraphQLSchema schema, Document document, String operation, CoercedVariables variables) {
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(schema)
                .document(document)
                .operationName(operation)
                .coercedVariables(variables)
                .build();
        int[] deepest = {0};
        traverser.visitPreOrder(new QueryVisitorStub() {
            @Override
            public TraversalControl visitFieldWithControl(QueryVisitorFieldEnvironment field) {
                if (field.getField().getName().startsWith("__")) {
                    return TraversalControl.ABORT;
                }
                int depth = 1;
                for (var parent = field.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
                    depth++;
                }
                deepest[0] = Math.max(deepest[0], depth);
                return TraversalControl.CONTINUE;
            }
        });
        return deepest[0];
    }

    static int complexity(GraphQLSchema schema, Document document, String operation, CoercedVariables variables) {
        return QueryComplexityCalculator.newCalculator()
                .fieldComplexityCalculator(QueryLimits::cost)
                .schema(schema)
                .document(document)
                .operationName(operation)
                .variables(variables)
                .build()
                .calculate();
    }

    /**
     * One point per field. The {@code edges}/{@code nodes} of a connection count once per item the page may
     * return ({@code first}/{@code last} of the connection, 20 by default). A root field, which opens its own
     * transaction, costs {@link #ROOT_FIELD_COST} more, and a mutation's {@link #MUTATION_COST} more again.
     * Introspection costs nothing here (see the class comment).
     */
    static int cost(FieldComplexityEnvironment field, int childCost) {
        String name = field.getField().getName();
        if (name.startsWith("__")) {
            return 0;
        }
        FieldComplexityEnvironment parent = field.getParentEnvironment();
        int perItem = parent != null && (name.equals("edges") || name.equals("nodes")) ? pageSize(parent.getArguments()) : 1;
        int cost = 1 + childCost * perItem;
        if (parent != null) {
            return cost;
        }
        boolean mutation = "Mutation".equals(field.getParentType().getName());
        return cost + ROOT_FIELD_COST + (mutation ? MUTATION_COST : 0);
    }

    private static int pageSize(Map<String, Object> arguments) {
        Object size = arguments.get("first") != null ? arguments.get("first") : arguments.get("last");
        if (size instanceof Number number) {
            // larger pages are refused by the connection itself, with a clearer message
            return Math.max(1, Math.min(number.intValue(), MAX_PAGE_SIZE));
        }
        return PageRequest.DEFAULT_SIZE;
    }

    private static AbortExecutionException abort(String code, String message, Map<String, Object> more) {
        Map<String, Object> extensions = new HashMap<>(more);
        extensions.put("code", code);
        GraphQLError error = GraphqlErrorBuilder.newError().message(message).extensions(extensions).build();
        return new AbortExecutionException(List.of(error));
    }
}
