package io.animo.community;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Tenant B (globex) never reads or changes tenant A's (acme) communities. */
@QuarkusTest
class CommunityIsolationTest {

    @Test
    void otherTenantCannotReadCommunity() {
        Map<String, Object> acme = aCommunity().in(Tokens.ACME).named("Acme secret plans").create();
        String globex = Tokens.of(Tokens.GLOBEX, "admin");

        run(globex, "community", vars("id", acme.get("id"))).body("data.community", nullValue());
        run(globex, "community", vars("slug", acme.get("slug"))).body("data.community", nullValue());
        run(globex, "node", vars("id", acme.get("id"))).body("data.node", nullValue());
        run(globex, "communities", vars("first", 100, "filter", Map.of("search", "Acme secret plans")))
                .body("data.communities.totalCount", equalTo(0));
        run(globex, "communities", vars("first", 100))
                .body("data.communities.edges.node.id", not(hasItem(acme.get("id"))));
    }

    @Test
    void otherTenantCannotChangeCommunity() {
        Map<String, Object> acme = aCommunity().in(Tokens.ACME).named("Acme roadmap").create();
        String globex = Tokens.of(Tokens.GLOBEX, "admin");

        run(globex, "communityUpdate", vars("input", Map.of("id", acme.get("id"), "version", 0, "name", "Hijacked")))
                .body("data.communityUpdate.community", nullValue())
                .body("data.communityUpdate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex, "communityArchive", vars("input", Map.of("id", acme.get("id"))))
                .body("data.communityArchive.userErrors[0].code", equalTo("NOT_FOUND"));

        run(Tokens.of(Tokens.ACME, "member"), "community", vars("id", acme.get("id")))
                .body("data.community.name", equalTo("Acme roadmap"))
                .body("data.community.status", equalTo("ACTIVE"))
                .body("data.community.version", equalTo(0));
    }

    @Test
    void sameSlugInTwoTenantsIsAllowed() {
        String slug = "shared-" + System.nanoTime();
        aCommunity().in(Tokens.ACME).slug(slug).create();
        aCommunity().in(Tokens.GLOBEX).slug(slug).create();
        run(Tokens.of(Tokens.GLOBEX, "member"), "community", vars("slug", slug)).body("data.community.slug", equalTo(slug));
    }
}
