package io.animo.platform.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.validation.ConstraintViolationException;

import org.eclipse.microprofile.graphql.GraphQLException;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusUniDataFetcher;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.DataFetcherService;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import io.smallrye.graphql.validation.BeanValidationUtil;

import graphql.execution.DataFetcherResult;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLNamedType;

/**
 * Resolvers returning a {@code Uni} (all of Animo's queries and mutations) run through Quarkus's own fetcher, with
 * one thing left out: before every call SmallRye builds, for the request context it hands the resolver, the fields
 * selected under the resolver's field as JSON, twice (with and without source fields). Nothing in Animo reads them
 * ({@link Selection} reads graphql-java's selection set, and only when it needs to), and building them was a tenth
 * of the CPU of a single-item query. Everything else of the context is set as SmallRye sets it; the call, errors,
 * validation, metrics and request context are Quarkus's. Installed through SmallRye's {@link DataFetcherService} SPI
 * (META-INF/services), ahead of Quarkus's (lower priority number).
 */
@RegisterForReflection // made by the ServiceLoader
public class LeanResolverFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 0;
    }

    /**
     * SmallRye asks again for the fetcher of every batched field ({@code @Source List}) on every request, to make
     * that request's data loaders: the one made for an operation is kept (they hold no state of a request).
     */
    private final Map<Made, LeanUniDataFetcher<?, ?>> made = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("rawtypes")
    public PlugableBatchableDataFetcher getUniDataFetcher(Operation operation, Type type) {
        return made.computeIfAbsent(new Made(operation, type), key -> new LeanUniDataFetcher<>(operation, type));
    }

    /** An operation and type of SmallRye's schema model, by identity (their own equality compares every detail). */
    private record Made(Operation operation, Type type) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Made that && that.operation == operation && that.type == type;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(operation) + System.identityHashCode(type);
        }
    }

    static final class LeanUniDataFetcher<K, T> extends QuarkusUniDataFetcher<K, T> {

        LeanUniDataFetcher(Operation operation, Type type) {
            super(operation, type);
        }

        /** SmallRye's {@code AbstractDataFetcher.get}, with the context made by {@link #contextFor}. */
        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            SmallRyeContext context = contextFor(environment);
            eventEmitter.fireBeforeDataFetch(context);
            DataFetcherResult.Builder<Object> result = DataFetcherResult.newResult()
                    .localContext(environment.getGraphQlContext());
            try {
                List<Object> arguments = argumentHelper.getArguments(environment);
                return invokeAndTransform(context, environment, result, arguments.toArray());
            } catch (AbstractDataFetcherException e) {
                e.appendDataFetcherResult(result, environment);
                eventEmitter.fireOnDataFetchError(context, e);
            } catch (GraphQLException e) {
                errorResultHelper.appendPartialResult(result, environment, e);
                eventEmitter.fireOnDataFetchError(context, e);
            } catch (ConstraintViolationException e) {
                BeanValidationUtil.addConstraintViolationsToDataFetcherResult(e.getConstraintViolations(),
                        operationInvoker.getMethod(), result, environment);
                return (T) result.build();
            } catch (Throwable e) {
                eventEmitter.fireOnDataFetchError(context, e);
                throw e;
            }
            return invokeFailure(result);
        }

        /** {@code SmallRyeContextManager.populateFromDataFetchingEnvironment} without the selected fields. */
        private SmallRyeContext contextFor(DataFetchingEnvironment environment) {
            SmallRyeContext current = SmallRyeContextManager.getCurrentSmallRyeContext();
            if (current == null) {
                current = SmallRyeContextManager.restoreSmallRyeContext(environment);
            }
            if (current == null || !current.hasRequest()) {
                throw new IllegalStateException("No GraphQL request context to resolve " + operation.getName() + " in");
            }
            SmallRyeContext context = current.clone();
            context.setDataFetchingEnvironment(environment);
            context.setField(operation);
            context.setArguments(environment.getArguments());
            context.setPath(environment.getExecutionStepInfo().getPath().toString());
            context.setExecutionId(environment.getExecutionId().toString());
            context.setFieldName(environment.getField().getName());
            context.setSource(environment.getSource());
            OperationDefinition definition = environment.getOperationDefinition();
            context.setOperationType(definition.getOperation().toString());
            if (environment.getParentType() instanceof GraphQLNamedType parent) {
                context.setParentTypeName(parent.getName());
            }
            if (context.getOperationName().isEmpty() && definition.getName() != null && !definition.getName().isEmpty()) {
                context.setOperationName(definition.getName());
            }
            environment.getGraphQlContext().put(SmallRyeContextManager.CONTEXT, context);
            SmallRyeContextManager.restore(context);
            return context;
        }
    }
}
