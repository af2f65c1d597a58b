package io.animo.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import graphql.GraphQL;
import graphql.introspection.IntrospectionQueryBuilder;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;

/** What GraphiQL, graphql-codegen, Apollo and any GraphQL-over-HTTP client rely on. */
@QuarkusTest
class GraphQLToolingTest {

    /** graphql-js's getIntrospectionQuery() with every option GraphiQL and codegen turn on. */
    private static final String INTROSPECTION = IntrospectionQueryBuilder.build(IntrospectionQueryBuilder.Options
            .defaultOptions().specifiedByUrl(true).isOneOf(true).inputValueDeprecation(true).schemaDescription(true)
            .typeRefFragmentDepth(9));

    private static Map<String, Object> introspect(String token) {
        var request = given().contentType(ContentType.JSON).body(Map.of("query", INTROSPECTION));
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/graphql").then().statusCode(200)
                .body("errors", nullValue())
                .extract().path("data");
    }

    @Test
    void theStandardIntrospectionQueryWorksForAnyCallerAndAnonymously() {
        for (String username : List.of("member", "analyst", "admin")) {
            Map<String, Object> data = introspect(Tokens.of(Tokens.ACME, username));
            assertTrue(data.containsKey("__schema"), username);
        }
        assertTrue(introspect(Tokens.operator()).containsKey("__schema"));
        // the GraphQL UI introspects before anyone logs in; the schema is public anyway (/graphql/schema.graphql)
        assertTrue(introspect(null).containsKey("__schema"));
    }

    @Test
    void introspectionIsBoundedByGoodFaithNotByTheDepthOfData() {
        String repeated = "{ a: __schema { types { name } } b: __schema { types { name } } }";
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.of(Tokens.ACME, "member"))
                .body(Map.of("query", repeated))
                .when().post("/graphql").then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].message", startsWith("This request is not asking for introspection in good faith"));
    }

    @Test
    void thePublishedSdlIsValidAndSaysWhatIntrospectionSays() {
        String sdl = given().when().get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        // strict: every type it uses must be declared, custom scalars included
        GraphQLSchema parsed = SchemaGenerator.createdMockedSchema(sdl);
        assertTrue(sdl.contains("scalar DateTime @specifiedBy(url : \"https://scalars.graphql.org/andimarek/date-time\")")
                || sdl.contains("scalar DateTime @specifiedBy(url: \"https://scalars.graphql.org/andimarek/date-time\")"),
                "DateTime declared with its specification");
        Map<String, Object> fromSdl = GraphQL.newGraphQL(parsed).build().execute(INTROSPECTION).getData();
        Map<String, Object> served = introspect(Tokens.of(Tokens.ACME, "member"));
        String difference = firstDifference("", withoutExperimentalDirectives(normalized(fromSdl)),
                withoutExperimentalDirectives(normalized(served)));
        assertEquals(null, difference, "the SDL and introspection differ");
    }

    @Test
    void dateTimeSaysWhichSpecificationItFollows() {
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.of(Tokens.ACME, "member"))
                .body(Map.of("query", "{ __type(name: \"DateTime\") { kind specifiedByURL } }"))
                .when().post("/graphql").then().statusCode(200)
                .body("data.__type.kind", equalTo("SCALAR"))
                .body("data.__type.specifiedByURL", equalTo("https://scalars.graphql.org/andimarek/date-time"));
    }

    @Test
    void graphqlResponseJsonAnswersStatusCodesAsTheSpecificationSays() {
        String member = Tokens.of(Tokens.ACME, "member");
        // does not parse
        given().contentType(ContentType.JSON).accept("application/graphql-response+json").auth().oauth2(member)
                .body(Map.of("query", "{ viewer { "))
                .when().post("/graphql").then().statusCode(400)
                .contentType(startsWith("application/graphql-response+json"))
                .body("data", nullValue())
                .body("errors", not(nullValue()));
        // does not validate
        given().contentType(ContentType.JSON).accept("application/graphql-response+json").auth().oauth2(member)
                .body(Map.of("query", "{ noSuchField }"))
                .when().post("/graphql").then().statusCode(400)
                .contentType(startsWith("application/graphql-response+json"))
                .body("errors", not(nullValue()));
        // runs: 200, with the data, even when a field fails
        given().contentType(ContentType.JSON).accept("application/graphql-response+json").auth().oauth2(member)
                .body(Map.of("query", "{ viewer { username } }"))
                .when().post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/graphql-response+json"))
                .body("data.viewer.username", equalTo(Tokens.usernameIn(Tokens.ACME, "member")));
        given().contentType(ContentType.JSON).accept("application/graphql-response+json").auth().oauth2(member)
                .body(Map.of("query", "{ auditLog(first: 1) { totalCount } }"))
                .when().post("/graphql").then().statusCode(200)
                .body("errors.extensions.code", hasItem("FORBIDDEN"));
    }

    @Test
    void legacyApplicationJsonKeeps200ForWellFormedRequests() {
        given().contentType(ContentType.JSON).accept("application/json").auth().oauth2(Tokens.of(Tokens.ACME, "member"))
                .body(Map.of("query", "{ noSuchField }"))
                .when().post("/graphql").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("errors", not(nullValue()));
    }

    @Test
    void aBodyThatIsNotJsonIs400InEitherMediaType() {
        for (String accept : List.of("application/graphql-response+json", "application/json")) {
            given().contentType(ContentType.JSON).accept(accept).auth().oauth2(Tokens.of(Tokens.ACME, "member"))
                    .body("{ this is not json")
                    .when().post("/graphql").then().statusCode(400)
                    .contentType(startsWith(accept))
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        }
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.of(Tokens.ACME, "member"))
                .body("[1, 2, 3]")
                .when().post("/graphql").then().statusCode(400);
        given().accept("text/html").contentType(ContentType.JSON).auth().oauth2(Tokens.of(Tokens.ACME, "member"))
                .body(Map.of("query", "{ viewer { username } }"))
                .when().post("/graphql").then().statusCode(406);
        given().auth().oauth2(Tokens.of(Tokens.ACME, "member")).queryParam("query", "{ viewer { username } }")
                .when().get("/graphql").then().statusCode(405);
    }

    /**
     * graphql-java adds its experimental directives (@defer, @experimental_disableErrorPropagation) to every schema,
     * one parsed from SDL included, and no SDL printer writes them: they are the library's, not the schema's.
     */
    @SuppressWarnings("unchecked")
    private static Object withoutExperimentalDirectives(Object introspection) {
        Map<String, Object> schema = (Map<String, Object>) ((Map<String, Object>) introspection).get("__schema");
        List<Object> directives = (List<Object>) schema.get("directives");
        directives.removeIf(directive -> List.of("defer", "experimental_disableErrorPropagation")
                .contains(((Map<String, Object>) directive).get("name")));
        return introspection;
    }

    /** Where two normalized values first differ (a path and both values), or null when they are equal. */
    private static String firstDifference(String path, Object expected, Object actual) {
        if (expected instanceof Map<?, ?> a && actual instanceof Map<?, ?> b) {
            for (Object key : new java.util.TreeSet<Object>(union(a.keySet(), b.keySet()))) {
                String found = firstDifference(path + "." + key, a.get(key), b.get(key));
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b && named(a) && named(b)) {
            return firstDifference(path, byName(a), byName(b));
        }
        if (expected instanceof List<?> a && actual instanceof List<?> b) {
            for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
                Object x = i < a.size() ? a.get(i) : null;
                Object y = i < b.size() ? b.get(i) : null;
                String name = x instanceof Map<?, ?> m && m.get("name") != null ? (String) m.get("name") : String.valueOf(i);
                String found = firstDifference(path + "[" + name + "]", x, y);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        if (java.util.Objects.equals(expected, actual)) {
            return null;
        }
        String left = String.valueOf(expected);
        String right = String.valueOf(actual);
        return path + ": SDL says " + left.substring(0, Math.min(300, left.length())) + ", introspection says "
                + right.substring(0, Math.min(300, right.length()));
    }

    private static boolean named(List<?> list) {
        return !list.isEmpty() && list.stream().allMatch(item -> item instanceof Map<?, ?> map && map.get("name") != null);
    }

    private static Map<Object, Object> byName(List<?> list) {
        Map<Object, Object> byName = new TreeMap<>();
        list.forEach(item -> byName.put(((Map<?, ?>) item).get("name"), item));
        return byName;
    }

    private static java.util.Set<Object> union(java.util.Set<?> a, java.util.Set<?> b) {
        java.util.Set<Object> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /** Maps with sorted keys, lists of named things sorted by name: ordering is not part of a schema. */
    @SuppressWarnings("unchecked")
    private static Object normalized(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put((String) key, normalized(item)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>();
            list.forEach(item -> items.add(normalized(item)));
            if (items.stream().allMatch(item -> item instanceof Map<?, ?> map && map.get("name") instanceof String)) {
                items.sort(Comparator.comparing(item -> (String) ((Map<String, Object>) item).get("name")));
            }
            return items;
        }
        return value;
    }
}
