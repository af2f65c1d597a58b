package io.animo.platform.graphql;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.MIMEHeader;
import io.vertx.ext.web.RoutingContext;

import graphql.ExecutionResult;
import graphql.GraphQLError;

/**
 * {@code POST /graphql} as the GraphQL-over-HTTP specification has it. The client chooses the media type
 * with {@code Accept}: {@code application/graphql-response+json} gets its status codes (400 when the
 * document does not parse or validate or a limit refuses it before anything runs, 429 when the budget
 * does, with {@code Retry-After}); {@code application/json} (and no {@code Accept}) gets 200 for every
 * well-formed request, as legacy clients expect. A body that is not a JSON object is 400 for both.
 * Execution itself is SmallRye GraphQL's, as is the request context and identity handling (the parent).
 */
class GraphQLHttpHandler extends SmallRyeGraphQLAbstractHandler {

    static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    static final String JSON = "application/json";
    private static final Pattern RAW_NEWLINES_AND_TABS = Pattern.compile("[\\n\\t\\r]");

    GraphQLHttpHandler(CurrentIdentityAssociation identities, CurrentVertxRequest requests) {
        super(identities, requests, false);
    }

    @Override
    protected void doHandle(RoutingContext ctx) {
        String mediaType = responseMediaType(ctx.parsedHeaders().accept());
        if (mediaType == null) {
            ctx.response().setStatusCode(406).putHeader(HttpHeaders.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .end("Accept application/graphql-response+json or application/json.");
            return;
        }
        JsonObject request = requestOf(ctx);
        if (request == null) {
            end(ctx, 400, mediaType, "{\"errors\":[{\"message\":\"The body must be a JSON object with a query string.\","
                    + "\"extensions\":{\"code\":\"BAD_REQUEST\"}}]}");
            return;
        }
        getExecutionService().executeAsync(request, getMetaData(ctx), new ExecutionResponseWriter() {
            @Override
            public void write(ExecutionResponse response) {
                ExecutionResult result = response.getExecutionResult();
                int status = status(mediaType, result);
                if (status == 429) {
                    ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter(result)));
                }
                end(ctx, status, mediaType, body(response));
            }

            @Override
            public void fail(Throwable failure) {
                ctx.fail(failure);
            }
        });
    }

    /**
     * The response body. Without errors it is graphql-java's own map written by Jackson in one pass; SmallRye first
     * copies the whole result into a JSON-P tree (a tenth of the CPU of a page of 20 communities). Errors keep
     * SmallRye's writer, which shapes them (codes, no internals).
     */
    private static String body(ExecutionResponse response) {
        ExecutionResult result = response.getExecutionResult();
        return result.getErrors().isEmpty() ? Json.encode(result.toSpecification()) : response.getExecutionResultAsString();
    }

    /** The media type to answer in, or null when the client accepts none that GraphQL answers in. */
    static String responseMediaType(List<MIMEHeader> accept) {
        if (accept == null || accept.isEmpty()) {
            return JSON;
        }
        for (MIMEHeader type : accept) {
            String value = type.value();
            if (value.equals(GRAPHQL_RESPONSE)) {
                return GRAPHQL_RESPONSE;
            }
            if (value.equals(JSON) || value.equals("application/graphql+json")) {
                return JSON;
            }
            if (value.equals("*/*") || value.equals("application/*")) {
                return JSON;
            }
        }
        return null;
    }

    /** The request, or null when the body is not a JSON object whose query is a string. */
    private static JsonObject requestOf(RoutingContext ctx) {
        if (ctx.body() == null || ctx.body().length() == 0) {
            return null;
        }
        // raw line breaks and tabs inside strings are tolerated, as SmallRye does (queries from text blocks)
        String body = ctx.body().asString();
        if (hasRawNewlineOrTab(body)) {
            body = RAW_NEWLINES_AND_TABS.matcher(body).replaceAll(" ");
        }
        try (JsonReader reader = jsonReaderFactory.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                return null;
            }
            JsonObject request = value.asJsonObject();
            return request.get("query") instanceof jakarta.json.JsonString ? request : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    /** A plain scan: most bodies have none, and the regular expression costs more than the scan. */
    private static boolean hasRawNewlineOrTab(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\n' || c == '\t' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    /**
     * 200 when the operation ran (data present, even with field errors); with the specification's media type,
     * 400 when it was refused before running, or 429 when the budget refused it.
     */
    static int status(String mediaType, ExecutionResult result) {
        if (result.isDataPresent()) {
            return 200;
        }
        boolean rateLimited = result.getErrors().stream().anyMatch(error -> "RATE_LIMITED".equals(code(error)));
        if (rateLimited) {
            return 429;
        }
        return GRAPHQL_RESPONSE.equals(mediaType) ? 400 : 200;
    }

    private static long retryAfter(ExecutionResult result) {
        return result.getErrors().stream()
                .map(error -> error.getExtensions() == null ? null : error.getExtensions().get("retryAfterSeconds"))
                .filter(Number.class::isInstance).mapToLong(seconds -> ((Number) seconds).longValue())
                .findFirst().orElse(1);
    }

    private static Object code(GraphQLError error) {
        return error.getExtensions() == null ? null : error.getExtensions().get("code");
    }

    static void end(RoutingContext ctx, int status, String mediaType, String body) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, mediaType + "; charset=utf-8")
                .end(Buffer.buffer(body, StandardCharsets.UTF_8.name()));
    }
}
