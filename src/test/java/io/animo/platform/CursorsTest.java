package io.animo.platform;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.raw;
import static io.animo.support.GraphQL.run;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** A cursor belongs to the list (and ordering) that made it: any other, or a forged one, is BAD_REQUEST, never INTERNAL. */
@QuarkusTest
class CursorsTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    private static String encode(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void foreignAndForgedCursorsAreBadRequests() {
        String community = aCommunity().in(Tokens.GLOBEX).named("Cursors").joinedBy("member").createId();
        aCommunity().in(Tokens.GLOBEX).named("Cursors too").createId();
        String communitiesCursor = run(globex("member"), "communities", Map.of("first", 1))
                .extract().path("data.communities.pageInfo.endCursor");
        String id = UUID.randomUUID().toString();
        List<String> cursors = List.of(
                communitiesCursor, // another connection's
                encode("c1\nnot-a-number|x\n" + id), // the old format
                encode("c2\nqueue:PRIORITY\nnot-a-number|x\n" + id), // the right ordering, a forged value
                encode("c2\nfeedback:VOTES\n1\n" + id), // the right ordering, too few parts
                "%%%not-base64%%%",
                "x".repeat(2_000));
        for (String cursor : cursors) {
            raw(globex("moderator"), "query($c: ID!, $a: String) { moderationQueue(communityId: $c, after: $a)"
                    + " { edges { cursor } } }", Map.of("c", community, "a", cursor))
                    .then().statusCode(200).body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
            raw(globex("moderator"), "query($c: ID!, $a: String) { moderationQueue(communityId: $c, orderBy: AGE,"
                    + " after: $a) { edges { cursor } } }", Map.of("c", community, "a", cursor))
                    .then().body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
            raw(globex("member"), "query($c: ID!, $a: String) { feedbackReports(communityId: $c, first: 5, after: $a)"
                    + " { edges { cursor } } }", Map.of("c", community, "a", cursor))
                    .then().statusCode(200)
                    .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                    .body("errors[0].message", not(nullValue()));
            raw(globex("member"), "query($c: ID!, $a: String) { feedbackReports(communityId: $c, orderBy: AGE, first: 5,"
                    + " after: $a) { edges { cursor } } }", Map.of("c", community, "a", cursor))
                    .then().body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        }
        // a cursor of one ordering is not one of another ordering of the same list
        String byVotes = encode("c2\nfeedback:VOTES\n3|2026-01-01T00:00:00Z\n" + id);
        raw(globex("member"), "query($c: ID!, $a: String) { feedbackReports(communityId: $c, orderBy: AGE, after: $a)"
                + " { edges { cursor } } }", Map.of("c", community, "a", byVotes))
                .then().body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        raw(globex("member"), "query($c: ID!, $a: String) { feedbackReports(communityId: $c, orderBy: VOTES, after: $a)"
                + " { edges { cursor } } }", Map.of("c", community, "a", byVotes))
                .then().body("errors", nullValue());
    }
}
