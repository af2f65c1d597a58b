package io.animo.community;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CommunityGraphQLTest {

    private static final String MANAGER = Tokens.ACME;

    private static String manager() {
        return Tokens.of(MANAGER, "manager");
    }

    @Test
    void managerCreatesCommunityAndEveryRoleReadsIt() {
        String slug = "launch-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> created = aCommunity().named("Launch week").slug(slug).create();

        assertEquals("Launch week", created.get("name"));
        assertEquals("ACTIVE", created.get("status"));
        assertEquals(0, created.get("version"));
        assertEquals("manager", ((Map<?, ?>) created.get("createdBy")).get("displayName").toString().toLowerCase()
                .split(" ")[0]);
        for (String role : List.of("admin", "manager", "moderator", "analyst", "member")) {
            run(Tokens.of(Tokens.ACME, role), "community", vars("id", created.get("id")))
                    .body("errors", nullValue())
                    .body("data.community.slug", equalTo(slug));
        }
        run(manager(), "community", vars("slug", slug)).body("data.community.id", equalTo(created.get("id")));
        run(manager(), "node", vars("id", created.get("id"))).body("data.node.slug", equalTo(slug));
    }

    @Test
    void invalidInputIsAnsweredWithUserErrorsAndWritesNothing() {
        String taken = aCommunity().create().get("slug").toString();
        assertUserError(input("", "ok-slug-" + UUID.randomUUID().toString().substring(0, 6)), "input.name", "REQUIRED");
        assertUserError(input("Name", "Bad Slug!"), "input.slug", "INVALID_SLUG");
        assertUserError(input("Name", "-leading"), "input.slug", "INVALID_SLUG");
        assertUserError(input("Name", taken), "input.slug", "SLUG_TAKEN");
        assertUserError(input("x".repeat(101), "long-name-" + UUID.randomUUID().toString().substring(0, 6)), "input.name",
                "TOO_LONG");
        Map<String, Object> longDescription = input("Name", "long-desc-" + UUID.randomUUID().toString().substring(0, 6));
        longDescription.put("description", "d".repeat(1001));
        assertUserError(longDescription, "input.description", "TOO_LONG");

        assertUserError(input("Line\nbreak", "ctrl-" + UUID.randomUUID().toString().substring(0, 6)), "input.name",
                "INVALID_CHARACTERS");
        Map<String, Object> nul = input("Name", "nul-" + UUID.randomUUID().toString().substring(0, 6));
        nul.put("description", "bad\u0000byte");
        assertUserError(nul, "input.description", "INVALID_CHARACTERS");

        // nothing of the refused inputs was written
        for (String search : List.of("long-desc", "ok-slug", "ctrl-", "nul-", "long-name")) {
            run(manager(), "communities", vars("first", 100, "filter", Map.of("search", search)))
                    .body("data.communities.totalCount", equalTo(0));
        }
        run(manager(), "communities", vars("first", 100, "filter", Map.of("search", taken)))
                .body("data.communities.totalCount", equalTo(1));
        run(manager(), "community", vars("slug", "bad-slug")).body("data.community", nullValue());
    }

    @Test
    void managerUpdatesWithCurrentVersionAndStaleVersionIsRefused() {
        Map<String, Object> created = aCommunity().create();
        Map<String, Object> update = new HashMap<>(Map.of("id", created.get("id"), "version", 0, "name", "Renamed",
                "visibility", "PRIVATE"));
        Map<String, Object> updated = run(manager(), "communityUpdate", vars("input", update))
                .body("data.communityUpdate.userErrors", empty())
                .extract().path("data.communityUpdate.community");
        assertEquals("Renamed", updated.get("name"));
        assertEquals("PRIVATE", updated.get("visibility"));
        assertEquals(1, updated.get("version"));
        assertNotEquals(created.get("updatedAt"), updated.get("updatedAt"));

        update.put("name", "Lost update");
        run(manager(), "communityUpdate", vars("input", update))
                .body("data.communityUpdate.community", nullValue())
                .body("data.communityUpdate.userErrors[0].code", equalTo("STALE_VERSION"));
        run(manager(), "community", vars("id", created.get("id"))).body("data.community.name", equalTo("Renamed"));
    }

    @Test
    void archivedCommunityStaysReadableAndStopsChanging() {
        Map<String, Object> created = aCommunity().create();
        run(manager(), "communityArchive", vars("input", Map.of("id", created.get("id"))))
                .body("data.communityArchive.userErrors", empty())
                .body("data.communityArchive.community.status", equalTo("ARCHIVED"))
                .body("data.communityArchive.community.archivedAt", notNullValue());
        run(manager(), "communityUpdate", vars("input", Map.of("id", created.get("id"), "version", 1, "name", "Again")))
                .body("data.communityUpdate.userErrors[0].code", equalTo("ARCHIVED"));
        run(manager(), "communities", vars("first", 100, "filter", Map.of("status", "ARCHIVED")))
                .body("data.communities.edges.node.id", hasItem(created.get("id")))
                .body("data.communities.edges.node.status", everyItem(equalTo("ARCHIVED")));
    }

    @Test
    void retriedCreateWithSameClientMutationIdCreatesOnce() {
        Map<String, Object> input = aCommunity().input();
        input.put("clientMutationId", UUID.randomUUID().toString());
        String first = run(manager(), "communityCreate", vars("input", input))
                .body("data.communityCreate.userErrors", empty())
                .extract().path("data.communityCreate.community.id");
        String second = run(manager(), "communityCreate", vars("input", input))
                .body("data.communityCreate.userErrors", empty())
                .body("data.communityCreate.clientMutationId", equalTo(input.get("clientMutationId")))
                .extract().path("data.communityCreate.community.id");
        assertEquals(first, second);
        run(manager(), "communities", vars("first", 100, "filter", Map.of("search", input.get("slug"))))
                .body("data.communities.totalCount", equalTo(1));
    }

    @Test
    void writersAreAdminsAndManagersOnly() {
        for (String role : List.of("admin", "manager")) {
            Map<String, Object> created = aCommunity().by(role).create();
            run(Tokens.of(Tokens.ACME, role), "communityUpdate",
                    vars("input", Map.of("id", created.get("id"), "version", 0, "description", "by " + role)))
                    .body("data.communityUpdate.userErrors", empty());
            run(Tokens.of(Tokens.ACME, role), "communityArchive", vars("input", Map.of("id", created.get("id"))))
                    .body("data.communityArchive.community.status", equalTo("ARCHIVED"));
        }
        Map<String, Object> target = aCommunity().create();
        for (String role : List.of("moderator", "analyst", "member")) {
            String token = Tokens.of(Tokens.ACME, role);
            run(token, "communityCreate", vars("input", aCommunity().input()))
                    .body("data.communityCreate", nullValue())
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(token, "communityUpdate", vars("input", Map.of("id", target.get("id"), "version", 0, "name", "Mine")))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(token, "communityArchive", vars("input", Map.of("id", target.get("id"))))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(manager(), "community", vars("id", target.get("id")))
                .body("data.community.name", equalTo("Community"))
                .body("data.community.status", equalTo("ACTIVE"));
    }

    @Test
    void totalCountIsCountedThroughAliasesAndFragments() {
        String tag = "count" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            aCommunity().named(tag + " " + i).slug(tag + "-" + i).create();
        }
        String query = """
                query Counted($filter: CommunityFilter) {
                  plain: communities(first: 1, filter: $filter) { edges { node { slug } } }
                  named: communities(first: 1, filter: $filter) { ...Counted }
                  inline: communities(first: 1, filter: $filter) { ... on CommunityConnection { all: totalCount } }
                  nested: communities(first: 1, filter: $filter) { ... { ...Counted } }
                }
                fragment Counted on CommunityConnection { totalCount }
                """;
        io.animo.support.GraphQL.raw(manager(), query, vars("filter", Map.of("search", tag))).then()
                .body("errors", nullValue())
                .body("data.plain.edges", hasSize(1))
                .body("data.named.totalCount", equalTo(3))
                .body("data.inline.all", equalTo(3))
                .body("data.nested.totalCount", equalTo(3));

        // past the first page the total still counts every match; an empty page past the last one too
        Map<String, Object> filter = Map.of("search", tag);
        String second = run(manager(), "communities", vars("first", 1, "filter", filter)).extract()
                .path("data.communities.pageInfo.endCursor");
        String last = run(manager(), "communities", vars("first", 2, "after", second, "filter", filter))
                .body("data.communities.totalCount", equalTo(3))
                .body("data.communities.edges", hasSize(2))
                .extract().path("data.communities.pageInfo.endCursor");
        run(manager(), "communities", vars("first", 2, "after", last, "filter", filter))
                .body("data.communities.totalCount", equalTo(3))
                .body("data.communities.edges", empty());
    }

    @Test
    void communitiesArePagedForwardAndBackwardWithCursors() {
        String tag = "page" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) {
            aCommunity().named(tag + " " + i).slug(tag + "-" + i).create();
        }
        Map<String, Object> filter = Map.of("search", tag);
        var firstPage = run(manager(), "communities", vars("first", 2, "filter", filter, "orderBy", "NAME_ASC"))
                .body("data.communities.totalCount", equalTo(5))
                .body("data.communities.edges.node.slug", contains(tag + "-0", tag + "-1"))
                .body("data.communities.pageInfo.hasNextPage", equalTo(true))
                .body("data.communities.pageInfo.hasPreviousPage", equalTo(false));
        String end = firstPage.extract().path("data.communities.pageInfo.endCursor");
        var secondPage = run(manager(), "communities", vars("first", 2, "after", end, "filter", filter, "orderBy", "NAME_ASC"))
                .body("data.communities.edges.node.slug", contains(tag + "-2", tag + "-3"))
                .body("data.communities.pageInfo.hasPreviousPage", equalTo(true));
        String start = secondPage.extract().path("data.communities.pageInfo.startCursor");
        run(manager(), "communities", vars("last", 2, "before", start, "filter", filter, "orderBy", "NAME_ASC"))
                .body("data.communities.edges.node.slug", contains(tag + "-0", tag + "-1"));
        run(manager(), "communities", vars("first", 10, "filter", filter))
                .body("data.communities.edges.node.slug", contains(tag + "-4", tag + "-3", tag + "-2", tag + "-1", tag + "-0"));
        run(manager(), "communities", vars("first", 1000))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        run(manager(), "communities", vars("first", 2, "before", start))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"));
        run(manager(), "communities", vars("first", 2, "after", "not-a-cursor"))
                .body("errors[0].extensions.code", equalTo("BAD_REQUEST"))
                .body("errors[0].message", not(org.hamcrest.Matchers.containsString("Exception")));
    }

    @Test
    void unknownIdsAreNullNotErrors() {
        run(manager(), "community", vars("id", "bm90LWFuLWlk")).body("data.community", nullValue());
        run(manager(), "node", vars("id", "garbage")).body("data.node", nullValue());
        run(manager(), "communities", vars("first", 0)).body("data.communities.edges", hasSize(0));
    }

    private static Map<String, Object> input(String name, String slug) {
        return aCommunity().named(name).slug(slug).input();
    }

    private static void assertUserError(Map<String, Object> input, String field, String code) {
        run(manager(), "communityCreate", vars("input", input))
                .body("errors", nullValue())
                .body("data.communityCreate.community", nullValue())
                .body("data.communityCreate.userErrors.field", hasItem(field))
                .body("data.communityCreate.userErrors.code", hasItem(code));
    }
}
