package io.animo.support;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Sends the documents of {@code src/test/resources/graphql} to {@code /graphql}. */
public final class GraphQL {

    private GraphQL() {
    }

    public static String document(String name) {
        try (InputStream in = GraphQL.class.getResourceAsStream("/graphql/" + name + ".graphql")) {
            if (in == null) {
                throw new IllegalArgumentException("No document graphql/" + name + ".graphql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a named document with a token (null: anonymous) and expects HTTP 200. */
    public static ValidatableResponse run(String token, String documentName, Map<String, Object> variables) {
        return raw(token, document(documentName), variables).then().statusCode(200);
    }

    public static ValidatableResponse run(String token, String documentName) {
        return run(token, documentName, Map.of());
    }

    /** Runs one operation of a named document holding several, and expects HTTP 200. */
    public static ValidatableResponse operation(String token, String documentName, String operationName,
            Map<String, Object> variables) {
        return raw(token, document(documentName), variables, operationName).then().statusCode(200);
    }

    public static io.restassured.response.Response raw(String token, String query, Map<String, Object> variables) {
        return raw(token, query, variables, null);
    }

    private static io.restassured.response.Response raw(String token, String query, Map<String, Object> variables,
            String operationName) {
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        if (operationName != null) {
            body.put("operationName", operationName);
        }
        RequestSpecification request = given().contentType(ContentType.JSON).body(body);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        return request.when().post("/graphql");
    }

    public static Map<String, Object> vars(Object... keyValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }
}
