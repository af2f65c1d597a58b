package io.animo.platform.graphql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import graphql.execution.CoercedVariables;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.VariableReference;
import graphql.schema.GraphQLSchema;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * The depth and cost of operations ({@link QueryLimits}), worked out once per parsed document and the values of
 * the few variables they depend on: page sizes ({@code first}, {@code last}) and {@code @include}/{@code @skip}
 * conditions. SmallRye keeps parsed documents, so the same query text comes back as the same {@link Document};
 * other variables (a message's body) change nothing here. Bounded: documents are held weakly and at most
 * {@value #MAX_DOCUMENTS}, each with at most {@value #MAX_VARIANTS} remembered variants.
 */
final class Measures {

    /** What {@link QueryLimits} checks of one operation. */
    record Measure(int depth, int cost) {
    }

    private static final int MAX_DOCUMENTS = 5_000;
    private static final int MAX_VARIANTS = 64;
    private static final Set<String> PAGE_SIZES = Set.of("first", "last");
    private static final Set<String> CONDITIONS = Set.of("include", "skip");

    private final Cache<Document, Variants> documents = Caffeine.newBuilder().weakKeys().maximumSize(MAX_DOCUMENTS)
            .build();

    /** The measures of one document: which variables matter, and the measure for each combination seen. */
    private record Variants(Set<String> variables, Map<List<Object>, Measure> measured) {
    }

    Measure of(GraphQLSchema schema, Document document, String operation, CoercedVariables variables) {
        Variants variants = documents.get(document, Measures::variantsOf);
        List<Object> key = new ArrayList<>(variants.variables().size() + 1);
        key.add(operation);
        for (String name : variants.variables()) {
            key.add(variables.get(name));
        }
        Measure known = variants.measured().get(key);
        if (known != null) {
            return known;
        }
        Measure measured = new Measure(QueryLimits.depth(schema, document, operation, variables),
                QueryLimits.complexity(schema, document, operation, variables));
        if (variants.measured().size() < MAX_VARIANTS) {
            variants.measured().put(key, measured);
        }
        return measured;
    }

    /** The variables a document's depth or cost can depend on. */
    private static Variants variantsOf(Document document) {
        Set<String> names = new HashSet<>();
        new NodeTraverser().depthFirst(new NodeVisitorStub() {
            @Override
            public TraversalControl visitArgument(Argument argument, TraverserContext<Node> context) {
                Node<?> parent = context.getParentNode();
                boolean pageSize = PAGE_SIZES.contains(argument.getName());
                boolean condition = parent instanceof Directive directive && CONDITIONS.contains(directive.getName());
                if ((pageSize || condition) && argument.getValue() instanceof VariableReference reference) {
                    names.add(reference.getName());
                }
                return TraversalControl.CONTINUE;
            }
        }, document);
        return new Variants(Set.copyOf(names), new ConcurrentHashMap<>());
    }
}
