package io.animo.metrics;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.GraphQL;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A tenant follows a product: its mentions (past and new, posted and ingested) and their sentiment over time. */
@QuarkusTest
class TrackedTermGraphQLTest {

    private static final String ADD = "mutation($term: String!) { trackedTermAdd(input: {term: $term}) {"
            + " trackedTerm { id term createdBy mentions } userErrors { field code message } } }";
    private static final String REMOVE = "mutation($id: ID!) { trackedTermRemove(input: {id: $id}) {"
            + " trackedTerm { id term } userErrors { code } } }";
    private static final String MENTIONS = "query($t: ID!, $c: ID, $from: DateTime!, $to: DateTime!) {"
            + " trackedTermMentions(termId: $t, communityId: $c, from: $from, to: $to, granularity: HOUR) {"
            + " term { term } communityId points { start mentions sentiment { positive neutral negative } } } }";

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void aTrackedProductsMentionsPastAndNewWithTheirSentiment() throws InterruptedException {
        String product = "Zephyr" + UUID.randomUUID().toString().substring(0, 6);
        String community = aCommunity().in(Tokens.GLOBEX).named("Products " + UUID.randomUUID()).createId();
        run(globex("member"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty());
        String thread = run(globex("member"), "threadCreate", vars("input", Map.of("communityId", community, "kind",
                "DISCUSSION", "title", "Phones", "body", "Thoughts on the " + product + " phone?")))
                .extract().path("data.threadCreate.thread.id");
        post(thread, "I love my " + product.toLowerCase() + ", it is great");
        post(thread, "The " + product + "X is not the same phone"); // another word: not a mention
        Instant from = Instant.now().minus(2, ChronoUnit.HOURS);
        Instant to = Instant.now().plus(2, ChronoUnit.HOURS);

        String termId = GraphQL.raw(globex("analyst"), ADD, vars("term", "  " + product + " ")).then().statusCode(200)
                .body("data.trackedTermAdd.userErrors", empty())
                .body("data.trackedTermAdd.trackedTerm.term", equalTo(product))
                .body("data.trackedTermAdd.trackedTerm.mentions", equalTo(2)) // found in the past at once
                .extract().path("data.trackedTermAdd.trackedTerm.id");
        try {
            assertTotals(mentions(termId, community, from, to), 2, 1, 1, 0);

            // new content counts as it comes, ingested mentions included
            post(thread, "My " + product + " broke, awful");
            GraphQL.run(Tokens.integration(Tokens.GLOBEX), "messageIngest", vars("input", Map.of("threadId", thread,
                    "externalHandle", "forum.example.com:fan-" + UUID.randomUUID(), "displayName", "A fan",
                    "body", product + " is wonderful")))
                    .body("data.messageIngest.userErrors", empty());
            long deadline = System.currentTimeMillis() + 15_000;
            while (total(mentions(termId, community, from, to)) < 4 && System.currentTimeMillis() < deadline) {
                Thread.sleep(300);
            }
            assertTotals(mentions(termId, community, from, to), 4, 2, 1, 1);
            assertTotals(mentions(termId, null, from, to), 4, 2, 1, 1); // the whole tenant: only this community names it

            // bad input changes nothing
            GraphQL.raw(globex("manager"), ADD, vars("term", product.toUpperCase())).then().statusCode(200)
                    .body("data.trackedTermAdd.trackedTerm", nullValue())
                    .body("data.trackedTermAdd.userErrors.code", contains("ALREADY_TRACKED"));
            GraphQL.raw(globex("manager"), ADD, vars("term", " x ")).then().statusCode(200)
                    .body("data.trackedTermAdd.userErrors.code", contains("OUT_OF_RANGE"));
            GraphQL.raw(globex("moderator"), ADD, vars("term", "Something")).then().statusCode(200)
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            GraphQL.raw(globex("member"), "{ trackedTerms { id } }", vars()).then().statusCode(200)
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));

            // another tenant neither sees, reads nor removes it
            String acme = Tokens.of(Tokens.ACME, "analyst");
            GraphQL.raw(acme, "{ trackedTerms { id } }", vars()).then().statusCode(200)
                    .body("errors", nullValue()).body("data.trackedTerms.id", not(hasItem(termId)));
            GraphQL.raw(acme, MENTIONS, vars("t", termId, "from", from.toString(), "to", to.toString()))
                    .then().statusCode(200).body("errors", nullValue()).body("data.trackedTermMentions", nullValue());
            GraphQL.raw(Tokens.of(Tokens.ACME, "admin"), REMOVE, vars("id", termId)).then().statusCode(200)
                    .body("data.trackedTermRemove.userErrors.code", contains("NOT_FOUND"));
            GraphQL.raw(globex("analyst"), "{ trackedTerms { id term mentions } }", vars()).then().statusCode(200)
                    .body("data.trackedTerms.id", hasItem(termId));
        } finally {
            GraphQL.raw(globex("analyst"), REMOVE, vars("id", termId)).then().statusCode(200)
                    .body("data.trackedTermRemove.userErrors", empty())
                    .body("data.trackedTermRemove.trackedTerm.term", equalTo(product));
        }
        GraphQL.raw(globex("analyst"), MENTIONS, vars("t", termId, "from", from.toString(), "to", to.toString()))
                .then().statusCode(200).body("data.trackedTermMentions", nullValue());
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", termId), "first", 5))
                .body("data.auditLog.edges.node.action", contains("TRACKED_TERM_REMOVED", "TRACKED_TERM_ADDED"));
    }

    private static void post(String thread, String body) {
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                .body("data.messagePost.userErrors", empty());
    }

    private static ValidatableResponse mentions(String termId, String community, Instant from, Instant to) {
        return GraphQL.raw(globex("analyst"), MENTIONS, vars("t", termId, "c", community, "from", from.toString(), "to",
                to.toString())).then().statusCode(200).body("errors", nullValue());
    }

    private static long total(ValidatableResponse series) {
        List<Integer> mentions = series.extract().path("data.trackedTermMentions.points.mentions");
        return mentions.stream().mapToLong(Integer::longValue).sum();
    }

    private static void assertTotals(ValidatableResponse series, long mentions, long positive, long neutral,
            long negative) {
        assertEquals(mentions, total(series));
        assertEquals(positive, sum(series, "positive"), "positive");
        assertEquals(neutral, sum(series, "neutral"), "neutral");
        assertEquals(negative, sum(series, "negative"), "negative");
    }

    private static long sum(ValidatableResponse series, String label) {
        List<Integer> values = series.extract().path("data.trackedTermMentions.points.sentiment." + label);
        return values.stream().mapToLong(Integer::longValue).sum();
    }
}
