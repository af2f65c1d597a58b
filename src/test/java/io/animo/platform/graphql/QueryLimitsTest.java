package io.animo.platform.graphql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import graphql.execution.CoercedVariables;
import graphql.introspection.IntrospectionQuery;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;

/** Depth and cost as the limits count them, on a small schema with a cycle (our own has no path deeper than the limit). */
class QueryLimitsTest {

    private static final GraphQLSchema SCHEMA = SchemaGenerator.createdMockedSchema("""
            type Query { person(id: ID): Person  people(first: Int): PersonConnection }
            type Mutation { rename(name: String): Person }
            type Person { name: String  friend: Person  friends(first: Int): PersonConnection }
            type PersonConnection { edges: [PersonEdge]  totalCount: Int }
            type PersonEdge { cursor: String  node: Person }
            """);

    private static int depth(String query) {
        return QueryLimits.depth(SCHEMA, parse(query), null, CoercedVariables.emptyVariables());
    }

    private static int cost(String query) {
        return QueryLimits.complexity(SCHEMA, parse(query), null, CoercedVariables.emptyVariables());
    }

    private static Document parse(String query) {
        return new Parser().parseDocument(query);
    }

    @Test
    void depthCountsFieldsOnTheDeepestPathFragmentsIncluded() {
        assertEquals(3, depth("{ person { friend { name } } }"));
        assertEquals(12, depth("{ person { friend { friend { friend { friend { friend { friend { friend { friend { friend {"
                + " friend { name } } } } } } } } } } } }"));
        assertEquals(4, depth("{ person { ...F } } fragment F on Person { friend { friend { name } } }"));
    }

    @Test
    void introspectionCountsForNeitherDepthNorCost() {
        // graphql-js's getIntrospectionQuery() and graphql-java's are 13 to 15 levels deep
        assertEquals(0, depth(IntrospectionQuery.INTROSPECTION_QUERY));
        assertEquals(0, cost(IntrospectionQuery.INTROSPECTION_QUERY));
        assertEquals(2, depth("{ person { name __typename } __schema { types { fields { type { ofType { name } } } } } }"));
    }

    @Test
    void aPageCountsItsItemsAndARootFieldItsTransaction() {
        // people: 1 + root 20; edges: 1 + 10 x (node 1 + name 1); totalCount 1
        assertEquals(1 + QueryLimits.ROOT_FIELD_COST + 1 + 10 * 2 + 1,
                cost("{ people(first: 10) { edges { node { name } } totalCount } }"));
        // without first: the default page of 20
        assertEquals(1 + QueryLimits.ROOT_FIELD_COST + 1 + 20 * 2, cost("{ people { edges { node { name } } } }"));
    }

    @Test
    void aMutationCostsMoreThanTheSameQuery() {
        int mutation = cost("mutation { rename(name: \"x\") { name } }");
        int query = cost("{ person { name } }");
        assertEquals(query + QueryLimits.MUTATION_COST, mutation);
        assertTrue(cost("mutation { a: rename(name: \"x\") { name } b: rename(name: \"y\") { name } }") == 2 * mutation);
    }
}
