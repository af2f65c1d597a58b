package io.animo.platform.graphql;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.function.Supplier;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;

import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;

/**
 * Reads the plain fields of the API's records (a name, a count, a nested record, a list of them) straight from
 * their accessor. SmallRye's own field fetcher first copies its request context for every single field (the
 * selected fields built twice as JSON, the path as a string): on a page of 20 communities that cost more CPU than
 * the query. They are graphql-java's light fetchers: it does not build a fetching environment (arguments, selection
 * set, path) for them either. Resolvers keep SmallRye's fetchers; so do fields whose value SmallRye converts (a {@code UUID} or an
 * {@code Instant} to a string, formats, adapters, maps, arrays, optionals). Installed through SmallRye's
 * {@link DataFetcherService} SPI (META-INF/services).
 */
@RegisterForReflection // made by the ServiceLoader
public class PlainFieldFetchers implements DataFetcherService {

    @Override
    public Integer getPriority() {
        return 100;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public PlugableDataFetcher getFieldDataFetcher(Field field, Type type, Reference owner) {
        return isPlain(field) ? new Accessor<>(owner.getClassName(), field) : null;
    }

    /** What SmallRye's fetcher would return unchanged: no conversion, no adapter, no wrapper it rewraps. */
    static boolean isPlain(Field field) {
        Reference reference = field.getReference();
        boolean converted = reference.getType() == ReferenceType.SCALAR
                && !reference.getClassName().equals(reference.getGraphQLClassName());
        boolean adapted = field.isAdaptingTo() || field.isAdaptingWith() || reference.isAdaptingTo()
                || reference.isAdaptingWith() || field.hasTransformation();
        boolean rewrapped = field.hasWrapper() && !field.getWrapper().isCollection();
        boolean optionalNumber = reference.getClassName().startsWith("java.util.Optional");
        return !converted && !adapted && !rewrapped && !optionalNumber;
    }

    /** The value of one record component or public field, through a method handle made on first use. */
    static final class Accessor<T> implements PlugableDataFetcher<T>, LightDataFetcher<T> {

        private final String ownerClass;
        private final Field field;
        private volatile MethodHandle handle;

        Accessor(String ownerClass, Field field) {
            this.ownerClass = ownerClass;
            this.field = field;
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return valueOf(environment.getSource());
        }

        @Override
        public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            return valueOf(source);
        }

        @SuppressWarnings("unchecked")
        private T valueOf(Object source) throws Exception {
            if (source == null) {
                return null;
            }
            try {
                return (T) handle().invoke(source);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new GraphQLException(t);
            }
        }

        private MethodHandle handle() throws ReflectiveOperationException {
            MethodHandle made = handle;
            if (made == null) {
                Class<?> owner = ClassloadingService.get().loadClass(ownerClass);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                made = field.getMethodName() == null
                        ? lookup.unreflectGetter(owner.getField(field.getPropertyName()))
                        : lookup.unreflect(owner.getMethod(field.getMethodName()));
                made = made.asType(MethodType.methodType(Object.class, Object.class));
                handle = made;
            }
            return made;
        }
    }
}
