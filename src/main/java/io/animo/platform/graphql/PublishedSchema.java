package io.animo.platform.graphql;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.quarkus.arc.Arc;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

import graphql.Directives;
import graphql.GraphQL;
import graphql.Scalars;
import graphql.schema.GraphQLAppliedDirective;
import graphql.schema.GraphQLAppliedDirectiveArgument;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLDirective;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLSchemaElement;
import graphql.schema.GraphQLTypeVisitorStub;
import graphql.schema.GraphQLUnionType;
import graphql.schema.SchemaTransformer;
import graphql.schema.TypeResolver;
import graphql.schema.idl.SchemaPrinter;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The schema as clients see it, once: the custom scalars that follow a published specification say which
 * ({@code specifiedByURL} in introspection, {@code @specifiedBy} in the SDL), and the SDL served at
 * {@code /graphql/schema.graphql} is printed from the very schema introspection answers from, every custom
 * scalar declared, so strict SDL tools (graphql-codegen, graphql-java's own parser) accept it and find what
 * introspection says. Installed through SmallRye's {@link EventingService} SPI, before the engine is built.
 */
public class PublishedSchema implements EventingService {

    /** Scalars SmallRye GraphQL uses, with the specification their values follow (scalars.graphql.org). */
    static final Map<String, String> SPECIFICATIONS = Map.of(
            "DateTime", "https://scalars.graphql.org/andimarek/date-time",
            "Date", "https://scalars.graphql.org/andimarek/local-date",
            "Time", "https://scalars.graphql.org/chillicream/local-time");

    private static final Map<String, GraphQLScalarType> STANDARD_SCALARS = Map.of("Int", Scalars.GraphQLInt, "Float",
            Scalars.GraphQLFloat, "String", Scalars.GraphQLString, "Boolean", Scalars.GraphQLBoolean, "ID", Scalars.GraphQLID);

    /**
     * graphql-java's own definitions of the directives it knows, as every tool parsing our SDL will have them; their
     * definitions are not printed (those of SmallRye's own directives, {@code @constraint} and {@code @rolesAllowed},
     * are, as served).
     */
    private static final Map<String, GraphQLDirective> BUILT_IN_DIRECTIVES = Map.of(
            "include", Directives.IncludeDirective, "skip", Directives.SkipDirective,
            "deprecated", Directives.DeprecatedDirective, "specifiedBy", Directives.SpecifiedByDirective,
            "oneOf", Directives.OneOfDirective, "defer", Directives.DeferDirective,
            "experimental_disableErrorPropagation", Directives.ExperimentalDisableErrorPropagationDirective);

    private static volatile GraphQLSchema published;
    private static volatile String sdl;

    @Override
    public String getConfigKey() {
        return "animo.graphql.published-schema.enabled";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQLSchema schema = withSpecifications(builder.build().getGraphQLSchema());
        published = schema;
        sdl = print(schema);
        return builder.schema(schema);
    }

    /** The SDL of the schema being served (made now from SmallRye's schema if the engine is not built yet). */
    static String sdl() {
        String printed = sdl;
        if (printed == null) {
            GraphQLSchema built = Arc.container().instance(GraphQLSchema.class).get();
            printed = built == null ? null : print(withSpecifications(built));
        }
        return printed;
    }

    static GraphQLSchema schema() {
        return published;
    }

    static GraphQLSchema withSpecifications(GraphQLSchema schema) {
        GraphQLSchema transformed = SchemaTransformer.transformSchema(schema, new GraphQLTypeVisitorStub() {
            @Override
            public TraversalControl visitGraphQLScalarType(GraphQLScalarType scalar,
                    TraverserContext<GraphQLSchemaElement> context) {
                GraphQLScalarType standard = STANDARD_SCALARS.get(scalar.getName());
                if (standard != null && !Objects.equals(standard.getDescription(), scalar.getDescription())) {
                    // SmallRye's own Int, Float... describe themselves otherwise: tools know the standard ones
                    return changeNode(context, scalar.transform(builder -> builder.description(standard.getDescription())));
                }
                String url = SPECIFICATIONS.get(scalar.getName());
                if (url == null || url.equals(scalar.getSpecifiedByUrl())) {
                    return TraversalControl.CONTINUE;
                }
                GraphQLAppliedDirective specifiedBy = GraphQLAppliedDirective.newDirective().name("specifiedBy")
                        .argument(GraphQLAppliedDirectiveArgument.newArgument().name("url").type(Scalars.GraphQLString)
                                .valueProgrammatic(url))
                        .build();
                return changeNode(context, scalar.transform(builder -> builder.specifiedByUrl(url)
                        .withAppliedDirective(specifiedBy)));
            }
        });
        List<GraphQLDirective> own = transformed.getDirectives().stream()
                .filter(directive -> !BUILT_IN_DIRECTIVES.containsKey(directive.getName())).toList();
        Set<GraphQLDirective> directives = new LinkedHashSet<>(BUILT_IN_DIRECTIVES.values());
        directives.addAll(own);
        return transformed.transform(builder -> builder.clearDirectives().additionalDirectives(directives)
                .codeRegistry(withDefaultVisibility(resolvingByName(transformed))));
    }

    /**
     * SmallRye turns its own default field visibility, the value {@code default}, into a block list whose one
     * pattern is {@code default}: it hides nothing, and graphql-java matched that regular expression against every
     * field of every answer (a twentieth of the CPU of a page of communities). Unless another visibility is
     * configured, graphql-java's default (all fields visible) stands in for it.
     */
    private static GraphQLCodeRegistry withDefaultVisibility(GraphQLCodeRegistry registry) {
        if (!Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())) {
            return registry;
        }
        return registry.transform(builder -> builder.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY));
    }

    /**
     * SmallRye's type resolvers (interfaces, unions) answer with the object types of the schema as it was built;
     * the transformed schema has new instances of them. These resolvers answer the executing schema's type of
     * the same name, so fragments such as {@code ... on Thread} keep matching.
     */
    private static GraphQLCodeRegistry resolvingByName(GraphQLSchema schema) {
        GraphQLCodeRegistry registry = schema.getCodeRegistry();
        return registry.transform(builder -> {
            for (GraphQLNamedType type : schema.getAllTypesAsList()) {
                TypeResolver original = type instanceof GraphQLInterfaceType face
                        ? registry.getTypeResolver(face)
                        : type instanceof GraphQLUnionType union ? registry.getTypeResolver(union) : null;
                if (original != null) {
                    builder.typeResolver(type.getName(),
                            environment -> environment.getSchema().getObjectType(original.getType(environment).getName()));
                }
            }
        });
    }

    static String print(GraphQLSchema schema) {
        return new SchemaPrinter(SchemaPrinter.Options.defaultOptions()
                .includeScalarTypes(true)
                .includeSchemaDefinition(false)
                .includeIntrospectionTypes(false)
                .includeDirectives(true)
                .includeDirectiveDefinition(name -> !BUILT_IN_DIRECTIVES.containsKey(name)))
                .print(schema);
    }
}
