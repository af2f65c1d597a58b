package io.animo.support;

import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.empty;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code aCommunity().named("x").in(Tokens.ACME).create()}: a community with unique slug, through the API. */
public final class CommunityBuilder {

    private String name = "Community";
    private String slug = "c-" + UUID.randomUUID().toString().substring(0, 8);
    private String description = "Where people talk";
    private String visibility = "PUBLIC";
    private String realm = Tokens.ACME;
    private String username = "manager";
    private List<String> members = List.of();

    public static CommunityBuilder aCommunity() {
        return new CommunityBuilder();
    }

    public CommunityBuilder named(String name) {
        this.name = name;
        return this;
    }

    public CommunityBuilder slug(String slug) {
        this.slug = slug;
        return this;
    }

    /** PUBLIC (the default) or PRIVATE. */
    public CommunityBuilder visibility(String visibility) {
        this.visibility = visibility;
        return this;
    }

    /** People of the same realm who join it right after it is created. */
    public CommunityBuilder joinedBy(String... usernames) {
        this.members = List.of(usernames);
        return this;
    }

    public CommunityBuilder in(String realm) {
        this.realm = realm;
        return this;
    }

    public CommunityBuilder by(String username) {
        this.username = username;
        return this;
    }

    public Map<String, Object> input() {
        Map<String, Object> input = new HashMap<>();
        input.put("name", name);
        input.put("slug", slug);
        input.put("description", description);
        input.put("visibility", visibility);
        return input;
    }

    /** Creates it and returns the community as the API answered. */
    public Map<String, Object> create() {
        Map<String, Object> community = GraphQL.run(Tokens.of(realm, username), "communityCreate", vars("input", input()))
                .body("errors", org.hamcrest.Matchers.nullValue())
                .body("data.communityCreate.userErrors", empty())
                .extract().path("data.communityCreate.community");
        for (String member : members) {
            GraphQL.run(Tokens.of(realm, member), "communityJoin", vars("input", Map.of("communityId", community.get("id"))))
                    .body("data.communityJoin.userErrors", empty());
        }
        return community;
    }

    /** Creates it and returns its global id. */
    public String createId() {
        return create().get("id").toString();
    }
}
