package io.animo.member;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MemberGraphQLTest {

    private static String token(String username) {
        return Tokens.of(Tokens.ACME, username);
    }

    @Test
    void memberJoinsOnceAppearsInTheListAndLeaves() {
        String community = aCommunity().create().get("id").toString();
        String memberId = run(token("member"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("errors", nullValue())
                .body("data.communityJoin.userErrors", empty())
                .body("data.communityJoin.membership.role", equalTo("MEMBER"))
                .body("data.communityJoin.membership.status", equalTo("ACTIVE"))
                .body("data.communityJoin.membership.member.displayName", equalTo("Member Acme"))
                .extract().path("data.communityJoin.membership.member.id");
        run(token("member"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.membership.member.id", equalTo(memberId));

        run(token("analyst"), "members", vars("communityId", community))
                .body("data.members.totalCount", equalTo(1))
                .body("data.members.edges.node.member.id", contains(memberId));
        run(token("member"), "viewerMemberships", vars())
                .body("data.viewer.memberships.community.id", hasItem(community));

        run(token("member"), "communityLeave", vars("input", Map.of("communityId", community)))
                .body("data.communityLeave.userErrors", empty());
        run(token("member"), "communityLeave", vars("input", Map.of("communityId", community)))
                .body("data.communityLeave.userErrors[0].code", equalTo("NOT_A_MEMBER"));
        run(token("analyst"), "members", vars("communityId", community)).body("data.members.totalCount", equalTo(0));
        run(token("member"), "viewerMemberships", vars())
                .body("data.viewer.memberships.community.id", not(hasItem(community)));
    }

    @Test
    void privateCommunitiesAreJoinedThroughStaffAndListedOnlyToInsiders() {
        Map<String, Object> input = aCommunity().input();
        input.put("visibility", "PRIVATE");
        String community = run(token("manager"), "communityCreate", vars("input", input))
                .extract().path("data.communityCreate.community.id");
        run(token("member"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.membership", nullValue())
                .body("data.communityJoin.userErrors[0].code", equalTo("PRIVATE_COMMUNITY"));
        run(token("manager"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty());
        run(token("member"), "members", vars("communityId", community)).body("data.members.totalCount", equalTo(0));
        run(token("admin"), "members", vars("communityId", community)).body("data.members.totalCount", equalTo(1));
    }

    @Test
    void communityRolesAreGivenByStaffAndOwners() {
        String community = aCommunity().create().get("id").toString();
        String moderatorMember = join("moderator", community);
        String member = join("member", community);

        run(token("member"), "membershipRoleSet", vars("input", Map.of("communityId", community, "memberId", moderatorMember,
                "role", "OWNER")))
                .body("data.membershipRoleSet.userErrors[0].code", equalTo("NOT_ALLOWED"));
        run(token("manager"), "membershipRoleSet", vars("input", Map.of("communityId", community, "memberId", moderatorMember,
                "role", "OWNER")))
                .body("data.membershipRoleSet.membership.role", equalTo("OWNER"));
        // an owner (here a person with the realm role moderator) manages the community's roles
        run(token("moderator"), "membershipRoleSet", vars("input", Map.of("communityId", community, "memberId", member,
                "role", "MODERATOR")))
                .body("data.membershipRoleSet.userErrors", empty())
                .body("data.membershipRoleSet.membership.role", equalTo("MODERATOR"));
        run(token("analyst"), "members", vars("communityId", community, "filter", Map.of("role", "MODERATOR")))
                .body("data.members.edges.node.member.id", contains(member));
        run(token("analyst"), "membershipRoleSet", vars("input", Map.of("communityId", community, "memberId", member,
                "role", "OWNER")))
                .body("data.membershipRoleSet.userErrors[0].code", equalTo("NOT_ALLOWED"));
        run(token("manager"), "membershipRoleSet", vars("input", Map.of("communityId", community, "memberId",
                community, "role", "OWNER")))
                .body("data.membershipRoleSet.userErrors[0].code", equalTo("NOT_FOUND"));
        run(token("analyst"), "members", vars("communityId", community, "filter", Map.of("role", "OWNER")))
                .body("data.members.edges.node.member.id", contains(moderatorMember));
        run(token("admin"), "auditLog", vars("filter", Map.of("targetId", member)))
                .body("data.auditLog.edges.node.action", contains("MEMBERSHIP_ROLE_SET"));
    }

    @Test
    void archivedCommunitiesCannotBeJoined() {
        String community = aCommunity().create().get("id").toString();
        run(token("manager"), "communityArchive", vars("input", Map.of("id", community)));
        run(token("member"), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors[0].code", equalTo("ARCHIVED"));
    }

    @Test
    void otherTenantCannotJoinListOrManageMembers() {
        String community = aCommunity().create().get("id").toString();
        String member = join("member", community);
        String globex = Tokens.of(Tokens.GLOBEX, "admin");
        run(globex, "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex, "members", vars("communityId", community)).body("data.members.totalCount", equalTo(0));
        run(globex, "membershipRoleSet", vars("input", Map.of("communityId", community, "memberId", member, "role", "OWNER")))
                .body("data.membershipRoleSet.userErrors[0].code", equalTo("NOT_FOUND"));
        run(Tokens.of(Tokens.GLOBEX, "member"), "communityLeave", vars("input", Map.of("communityId", community)))
                .body("data.communityLeave.userErrors[0].code", equalTo("NOT_A_MEMBER"));
        run(token("analyst"), "members", vars("communityId", community))
                .body("data.members.edges[0].node.role", equalTo("MEMBER"))
                .body("data.members.totalCount", equalTo(1));
    }

    private static String join(String username, String community) {
        return run(token(username), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty())
                .extract().path("data.communityJoin.membership.member.id");
    }
}
