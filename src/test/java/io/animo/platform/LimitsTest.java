package io.animo.platform;

import static io.animo.support.GraphQL.raw;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class LimitsTest {

    @Test
    void deepDataQueriesRunAndIntrospectionIsNotCountedAsDepth() {
        String deep = "query { communities(first: 1) { edges { node { createdBy { subject } } } pageInfo { hasNextPage } } "
                + "a: viewer { tenant { id } } }";
        raw(Tokens.of(Tokens.ACME, "member"), deep, Map.of()).then().statusCode(200).body("errors", nullValue());
        // 12 levels of introspection: over the depth limit of data, and still fine (introspection is bounded apart)
        String deepIntrospection = "query { __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType"
                + " { ofType { name } } } } } } } } } } }";
        raw(Tokens.of(Tokens.ACME, "member"), deepIntrospection, Map.of()).then().statusCode(200)
                .body("errors", nullValue())
                .body("data.__schema.types", not(nullValue()));
    }

    @Test
    void queryMoreComplexThanTheLimitIsRefused() {
        StringBuilder wide = new StringBuilder("query {");
        for (int i = 0; i < 120; i++) {
            wide.append(" c").append(i).append(": communities(first: 1) { totalCount edges { cursor node { id name slug } } }");
        }
        wide.append(" }");
        raw(Tokens.of(Tokens.ACME, "member"), wide.toString(), Map.of()).then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"))
                .body("errors[0].message", not(containsString("Exception")));
    }

    @Test
    void bigPagesAndManyRootFieldsCostMore() {
        String onePage = "query { communities(first: 100) { totalCount edges { node { id name slug } } } }";
        raw(Tokens.of(Tokens.ACME, "member"), onePage, Map.of()).then().statusCode(200).body("errors", nullValue());

        StringBuilder flood = new StringBuilder("query {");
        for (int i = 0; i < 100; i++) {
            flood.append(" c").append(i).append(": communities(first: 1) { totalCount }");
        }
        flood.append(" }");
        raw(Tokens.of(Tokens.ACME, "member"), flood.toString(), Map.of()).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));

        String page = "communities(first: 100) { edges { node { id name slug description createdAt } } }";
        String hugePages = "query { a: " + page + " b: " + page + " c: " + page + " d: " + page + " }";
        raw(Tokens.of(Tokens.ACME, "member"), hugePages, Map.of()).then().statusCode(200)
                .body("errors[0].extensions.code", equalTo("QUERY_TOO_COMPLEX"));
    }

    @Test
    void oversizedRequestIsRefused() {
        String padding = "#" + "x".repeat(70 * 1024) + "\n";
        given().contentType(ContentType.JSON).auth().oauth2(Tokens.of(Tokens.ACME, "member"))
                .body(Map.of("query", padding + "{ viewer { username } }"))
                .when().post("/graphql")
                .then().statusCode(413);
    }

    @Test
    void schemaIsPublished() {
        given().when().get("/graphql/schema.graphql").then().statusCode(200)
                .body(containsString("type Community implements Node"))
                .body(containsString("communityEvents"));
    }
}
