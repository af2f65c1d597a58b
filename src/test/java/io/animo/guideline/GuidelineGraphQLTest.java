package io.animo.guideline;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.animo.support.ActivityLog;
import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Community guidelines, in tenant globex (its members post; acme carries other tests' tenant-wide rules). */
@QuarkusTest
class GuidelineGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void managerWritesOrdersEditsAndDeletesGuidelinesKeepingTheirHistory() {
        String community = community();
        String respect = create("manager", community, "Be respectful " + suffix(), "No insults.", null);
        String topic = create("manager", community, "Stay on topic", "Use the right thread.", null);
        String welcome = create("admin", community, "Welcome", "Say hello.", 1);

        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.communityId", equalTo(community))
                .body("data.guidelines.revision", equalTo(3))
                .body("data.guidelines.items.id", contains(welcome, respect, topic))
                .body("data.guidelines.items.position", contains(1, 2, 3))
                .body("data.guidelines.items.revision", contains(1, 1, 1))
                .body("data.guidelines.items[0].updatedBy.displayName", equalTo("Admin Globex"))
                .body("data.guidelines.items[1].history", empty());

        run(globex("manager"), "guidelineUpdate", vars("input", Map.of("id", respect, "title", "Be kind",
                "body", "No insults, no mockery.", "expectedRevision", 1)))
                .body("data.guidelineUpdate.userErrors", empty())
                .body("data.guidelineUpdate.guideline.revision", equalTo(2))
                .body("data.guidelineUpdate.guideline.title", equalTo("Be kind"))
                .body("data.guidelineUpdate.guideline.history.revision", contains(1))
                .body("data.guidelineUpdate.guideline.history[0].body", equalTo("No insults."));
        run(globex("admin"), "guidelineUpdate", vars("input", Map.of("id", respect, "title", "Be kind",
                "body", "No insults, no mockery, no threats.", "expectedRevision", 2)))
                .body("data.guidelineUpdate.guideline.revision", equalTo(3));
        // someone who read revision 1 loses the race and changes nothing
        run(globex("manager"), "guidelineUpdate", vars("input", Map.of("id", respect, "title", "Overwrite",
                "body", "Lost update", "expectedRevision", 1)))
                .body("data.guidelineUpdate.guideline", nullValue())
                .body("data.guidelineUpdate.userErrors[0].code", equalTo("REVISION_CONFLICT"))
                .body("data.guidelineUpdate.userErrors[0].field", equalTo("input.expectedRevision"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(5))
                .body("data.guidelines.items[1].title", equalTo("Be kind"))
                .body("data.guidelines.items[1].body", equalTo("No insults, no mockery, no threats."))
                .body("data.guidelines.items[1].revision", equalTo(3))
                .body("data.guidelines.items[1].updatedBy.displayName", equalTo("Admin Globex"))
                .body("data.guidelines.items[1].history.revision", contains(2, 1))
                .body("data.guidelines.items[1].history.body", contains("No insults, no mockery.", "No insults."))
                .body("data.guidelines.items[1].history.editedBy.displayName", contains("Manager Globex", "Manager Globex"));

        run(globex("manager"), "guidelineDelete", vars("input", Map.of("id", welcome, "clientMutationId", "d1")))
                .body("data.guidelineDelete.userErrors", empty())
                .body("data.guidelineDelete.deletedGuidelineId", equalTo(welcome))
                .body("data.guidelineDelete.clientMutationId", equalTo("d1"));
        run(globex("manager"), "guidelineDelete", vars("input", Map.of("id", welcome)))
                .body("data.guidelineDelete.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(6))
                .body("data.guidelines.items.id", contains(respect, topic))
                .body("data.guidelines.items.position", contains(1, 2));
        run(globex("member"), "guidelineNode", vars("id", welcome)).body("data.node", nullValue());

        run(globex("manager"), "guidelinesReorder", vars("input", Map.of("communityId", community,
                "guidelineIds", List.of(topic, respect))))
                .body("data.guidelinesReorder.userErrors", empty())
                .body("data.guidelinesReorder.guidelines.revision", equalTo(7))
                .body("data.guidelinesReorder.guidelines.items.id", contains(topic, respect))
                .body("data.guidelinesReorder.guidelines.items.position", contains(1, 2));
        for (List<String> invalid : List.of(List.of(topic), List.of(topic, topic), List.of(topic, respect, welcome),
                List.of(topic, community))) {
            run(globex("manager"), "guidelinesReorder", vars("input", Map.of("communityId", community,
                    "guidelineIds", invalid)))
                    .body("data.guidelinesReorder.guidelines", nullValue())
                    .body("data.guidelinesReorder.userErrors[0].code", equalTo("INVALID_ORDER"));
        }
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(7))
                .body("data.guidelines.items.id", contains(topic, respect));

        run(globex("member"), "guidelineNode", vars("id", respect))
                .body("data.node.id", equalTo(respect))
                .body("data.node.title", equalTo("Be kind"))
                .body("data.node.revision", equalTo(3))
                .body("data.node.position", equalTo(2));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", respect)))
                .body("data.auditLog.edges.node.action", contains("GUIDELINE_UPDATED", "GUIDELINE_UPDATED",
                        "GUIDELINE_CREATED"));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", welcome)))
                .body("data.auditLog.edges.node.action", contains("GUIDELINE_DELETED", "GUIDELINE_CREATED"));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", community, "action", "GUIDELINES_REORDERED")))
                .body("data.auditLog.totalCount", equalTo(1));
    }

    @Test
    void aRetriedCreateWithTheSameClientMutationIdCreatesOnce() {
        String community = community();
        Map<String, Object> input = Map.of("communityId", community, "title", "Once", "body", "Only once.",
                "clientMutationId", "create-" + suffix());
        String first = run(globex("manager"), "guidelineCreate", vars("input", input))
                .extract().path("data.guidelineCreate.guideline.id");
        run(globex("manager"), "guidelineCreate", vars("input", input))
                .body("data.guidelineCreate.guideline.id", equalTo(first));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.items", hasSize(1))
                .body("data.guidelines.revision", equalTo(1));
    }

    @Test
    void invalidGuidelinesAreRefusedAndNothingIsWritten() {
        String community = community();
        run(globex("manager"), "guidelineCreate", vars("input", Map.of("communityId", community, "title", " ",
                "body", "x".repeat(10_001))))
                .body("data.guidelineCreate.guideline", nullValue())
                .body("data.guidelineCreate.userErrors.field", contains("input.title", "input.body"))
                .body("data.guidelineCreate.userErrors.code", contains("REQUIRED", "TOO_LONG"));
        run(globex("manager"), "guidelineCreate", vars("input", Map.of("communityId", community,
                "title", "t".repeat(201), "body", "Ring \u0007 the bell", "position", 0)))
                .body("data.guidelineCreate.userErrors.code", contains("TOO_LONG", "INVALID_CHARACTERS",
                        "INVALID_POSITION"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(0))
                .body("data.guidelines.items", empty());

        String id = create("manager", community, "Be brief", "Short posts.", null);
        run(globex("manager"), "guidelineUpdate", vars("input", Map.of("id", id, "title", "",
                "body", "Long\u0000posts", "expectedRevision", 1)))
                .body("data.guidelineUpdate.guideline", nullValue())
                .body("data.guidelineUpdate.userErrors.code", contains("REQUIRED", "INVALID_CHARACTERS"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(1))
                .body("data.guidelines.items[0].title", equalTo("Be brief"))
                .body("data.guidelines.items[0].revision", equalTo(1))
                .body("data.guidelines.items[0].history", empty());

        for (int i = 2; i <= 50; i++) {
            create("manager", community, "Guideline " + i, "Body " + i, null);
        }
        run(globex("manager"), "guidelineCreate", vars("input", Map.of("communityId", community, "title", "One too many",
                "body", "No room.")))
                .body("data.guidelineCreate.guideline", nullValue())
                .body("data.guidelineCreate.userErrors[0].code", equalTo("LIMIT_REACHED"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.items", hasSize(50))
                .body("data.guidelines.items[49].title", equalTo("Guideline 50"))
                .body("data.guidelines.items[49].position", equalTo(50))
                .body("data.guidelines.revision", equalTo(50));
    }

    @Test
    void onlyTenantAdminsAndCommunityManagersChangeGuidelines() {
        String community = communityWithMembers("member", "moderator", "analyst");
        String id = create("manager", community, "Be helpful", "Answer questions.", null);
        for (String role : List.of("moderator", "member", "analyst")) {
            run(globex(role), "guidelineCreate", vars("input", Map.of("communityId", community, "title", "Mine",
                    "body", "By " + role)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "guidelineUpdate", vars("input", Map.of("id", id, "title", "Mine", "body", "By " + role,
                    "expectedRevision", 1)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "guidelineDelete", vars("input", Map.of("id", id)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "guidelinesReorder", vars("input", Map.of("communityId", community,
                    "guidelineIds", List.of(id))))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(role), "guidelinesRequireAcknowledgement", vars("input", Map.of("communityId", community,
                    "required", true)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            // everyone of the tenant reads them, and members of the community acknowledge them
            run(globex(role), "guidelines", vars("communityId", community))
                    .body("data.guidelines.items.title", contains("Be helpful"));
            run(globex(role), "guidelinesAcknowledge", vars("input", Map.of("communityId", community, "revision", 1)))
                    .body("data.guidelinesAcknowledge.userErrors", empty())
                    .body("data.guidelinesAcknowledge.guidelines.viewerAcknowledgedRevision", equalTo(1));
        }
        run(globex("admin"), "guidelinesRequireAcknowledgement", vars("input", Map.of("communityId", community,
                "required", true)))
                .body("data.guidelinesRequireAcknowledgement.userErrors", empty())
                .body("data.guidelinesRequireAcknowledgement.guidelines.acknowledgementRequired", equalTo(true));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(1))
                .body("data.guidelines.acknowledgementRequired", equalTo(true))
                .body("data.guidelines.items.title", contains("Be helpful"))
                .body("data.guidelines.items.body", contains("Answer questions."));
        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", community,
                "action", "GUIDELINES_ACKNOWLEDGEMENT_REQUIRED")))
                .body("data.auditLog.totalCount", equalTo(1));
    }

    @Test
    void aCommunityThatRequiresItLetsOnlyMembersWhoAcknowledgedTheCurrentGuidelinesPost() {
        String community = communityWithMembers("member");
        String id = create("manager", community, "No spam", "No advertising.", null);
        run(globex("manager"), "guidelinesRequireAcknowledgement", vars("input", Map.of("communityId", community,
                "required", true)))
                .body("data.guidelinesRequireAcknowledgement.userErrors", empty());
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.viewerAcknowledgedRevision", nullValue())
                .body("data.guidelines.viewerMustAcknowledge", equalTo(true));

        run(globex("member"), "threadCreate", thread(community, "Refused"))
                .body("data.threadCreate.thread", nullValue())
                .body("data.threadCreate.userErrors[0].code", equalTo("GUIDELINES_NOT_ACKNOWLEDGED"))
                .body("data.threadCreate.userErrors[0].message",
                        equalTo("Read and acknowledge the community guidelines before posting."));
        run(globex("analyst"), "threads", vars("communityId", community)).body("data.threads.edges", empty());

        run(globex("member"), "guidelinesAcknowledge", vars("input", Map.of("communityId", community, "revision", 1,
                "clientMutationId", "ack")))
                .body("data.guidelinesAcknowledge.userErrors", empty())
                .body("data.guidelinesAcknowledge.guidelines.viewerAcknowledgedRevision", equalTo(1))
                .body("data.guidelinesAcknowledge.guidelines.viewerMustAcknowledge", equalTo(false));
        String threadId = run(globex("member"), "threadCreate", thread(community, "Accepted"))
                .body("data.threadCreate.userErrors", empty())
                .body("data.threadCreate.outcome", equalTo("PUBLISHED"))
                .extract().path("data.threadCreate.thread.id");
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "First reply")))
                .body("data.messagePost.userErrors", empty());

        // an edit is a new revision: read and acknowledge again
        run(globex("manager"), "guidelineUpdate", vars("input", Map.of("id", id, "title", "No spam",
                "body", "No advertising, no referral links.", "expectedRevision", 1)))
                .body("data.guidelineUpdate.userErrors", empty());
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(2))
                .body("data.guidelines.viewerAcknowledgedRevision", equalTo(1))
                .body("data.guidelines.viewerMustAcknowledge", equalTo(true));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "Second reply")))
                .body("data.messagePost.message", nullValue())
                .body("data.messagePost.userErrors[0].code", equalTo("GUIDELINES_NOT_ACKNOWLEDGED"));
        run(globex("analyst"), "messages", vars("threadId", threadId))
                .body("data.messages.edges.node.body", contains("Hello", "First reply"));

        run(globex("member"), "guidelinesAcknowledge", vars("input", Map.of("communityId", community, "revision", 1)))
                .body("data.guidelinesAcknowledge.guidelines", nullValue())
                .body("data.guidelinesAcknowledge.userErrors[0].code", equalTo("STALE_REVISION"));
        run(globex("member"), "guidelinesAcknowledge", vars("input", Map.of("communityId", community, "revision", 3)))
                .body("data.guidelinesAcknowledge.userErrors[0].code", equalTo("STALE_REVISION"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.viewerAcknowledgedRevision", equalTo(1));
        run(globex("member"), "guidelinesAcknowledge", vars("input", Map.of("communityId", community, "revision", 2)))
                .body("data.guidelinesAcknowledge.guidelines.viewerAcknowledgedRevision", equalTo(2));
        assertEquals(2, acknowledgementActivities(community), "each acknowledgement is an activity, refusals are not");
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "Second reply")))
                .body("data.messagePost.userErrors", empty())
                .body("data.messagePost.message.body", equalTo("Second reply"));

        // a new guideline is a new revision too; without the requirement anyone posts again
        create("manager", community, "Be kind", "Kindness first.", 1);
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "Third reply")))
                .body("data.messagePost.userErrors[0].code", equalTo("GUIDELINES_NOT_ACKNOWLEDGED"));
        run(globex("manager"), "guidelinesRequireAcknowledgement", vars("input", Map.of("communityId", community,
                "required", false)))
                .body("data.guidelinesRequireAcknowledgement.guidelines.acknowledgementRequired", equalTo(false));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", threadId, "body", "Third reply")))
                .body("data.messagePost.userErrors", empty());
    }

    @Test
    void aRequirementWithoutGuidelinesDoesNotStopAnyone() {
        String community = communityWithMembers("member");
        run(globex("manager"), "guidelinesRequireAcknowledgement", vars("input", Map.of("communityId", community,
                "required", true)))
                .body("data.guidelinesRequireAcknowledgement.userErrors", empty());
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.viewerMustAcknowledge", equalTo(false));
        run(globex("member"), "threadCreate", thread(community, "Nothing to read"))
                .body("data.threadCreate.userErrors", empty());
    }

    @Test
    void onlyMembersOfTheCommunityAcknowledge() {
        String community = community();
        create("manager", community, "Be fair", "Play fair.", null);
        run(globex("member"), "guidelinesAcknowledge", vars("input", Map.of("communityId", community, "revision", 1)))
                .body("data.guidelinesAcknowledge.userErrors[0].code", equalTo("NOT_A_MEMBER"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.viewerAcknowledgedRevision", nullValue());
    }

    @Test
    void otherTenantNeitherReadsNorChangesGuidelines() {
        String community = communityWithMembers("member");
        String id = create("manager", community, "Globex only", "Internal.", null);
        String acme = Tokens.of(Tokens.ACME, "admin");
        run(acme, "guidelines", vars("communityId", community)).body("data.guidelines", nullValue());
        run(acme, "guidelineNode", vars("id", id)).body("data.node", nullValue());
        run(acme, "guidelineCreate", vars("input", Map.of("communityId", community, "title", "In", "body", "Intrusion")))
                .body("data.guidelineCreate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "guidelineUpdate", vars("input", Map.of("id", id, "title", "In", "body", "Intrusion",
                "expectedRevision", 1)))
                .body("data.guidelineUpdate.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "guidelineDelete", vars("input", Map.of("id", id)))
                .body("data.guidelineDelete.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "guidelinesReorder", vars("input", Map.of("communityId", community, "guidelineIds", List.of(id))))
                .body("data.guidelinesReorder.userErrors[0].code", equalTo("NOT_FOUND"));
        run(acme, "guidelinesRequireAcknowledgement", vars("input", Map.of("communityId", community, "required", true)))
                .body("data.guidelinesRequireAcknowledgement.userErrors[0].code", equalTo("NOT_FOUND"));
        run(Tokens.of(Tokens.ACME, "member"), "guidelinesAcknowledge", vars("input", Map.of("communityId", community,
                "revision", 1)))
                .body("data.guidelinesAcknowledge.userErrors[0].code", equalTo("NOT_FOUND"));
        run(globex("member"), "guidelines", vars("communityId", community))
                .body("data.guidelines.revision", equalTo(1))
                .body("data.guidelines.acknowledgementRequired", equalTo(false))
                .body("data.guidelines.items.title", contains("Globex only"))
                .body("data.guidelines.items[0].history", empty());
    }

    @Test
    void concurrentChangesOfOneCommunityKeepPositionsContiguousAndLoseNoEdit() throws Exception {
        String community = community();
        String token = globex("manager");
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<Object>>> creates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String title = "Parallel " + i;
                creates.add(pool.submit(() -> run(token, "guidelineCreate", vars("input", Map.of("communityId", community,
                        "title", title, "body", "Body")))
                        .extract().path("data.guidelineCreate.userErrors")));
            }
            for (Future<List<Object>> create : creates) {
                assertEquals(List.of(), create.get(60, TimeUnit.SECONDS));
            }
            List<String> ids = run(token, "guidelines", vars("communityId", community))
                    .body("data.guidelines.revision", equalTo(6))
                    .body("data.guidelines.items.position", contains(1, 2, 3, 4, 5, 6))
                    .extract().path("data.guidelines.items.id");

            // two editors who read revision 1: one wins, the other is told, nothing is lost silently
            List<Future<String>> updates = new ArrayList<>();
            for (String editor : List.of("first", "second")) {
                updates.add(pool.submit(() -> run(token, "guidelineUpdate", vars("input", Map.of("id", ids.get(0),
                        "title", "Edited by " + editor, "body", "Body", "expectedRevision", 1)))
                        .extract().path("data.guidelineUpdate.userErrors[0].code")));
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> update : updates) {
                codes.add(String.valueOf(update.get(60, TimeUnit.SECONDS)));
            }
            assertEquals(1, codes.stream().filter("REVISION_CONFLICT"::equals).count(), codes.toString());
            assertEquals(1, codes.stream().filter("null"::equals).count(), codes.toString());
            run(token, "guidelines", vars("communityId", community))
                    .body("data.guidelines.revision", equalTo(7))
                    .body("data.guidelines.items[0].revision", equalTo(2))
                    .body("data.guidelines.items[0].title", startsWith("Edited by "))
                    .body("data.guidelines.items[0].history.revision", contains(1))
                    .body("data.guidelines.items[0].history[0].title", startsWith("Parallel "));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void schemaPublishesGuidelinesAsNodes() {
        given().when().get("/graphql/schema.graphql").then().statusCode(200)
                .body(containsString("type Guideline implements Node"))
                .body(containsString("guidelineIds: [ID!]!"))
                .body(containsString("guidelines(communityId: ID!): CommunityGuidelines"));
    }

    private static String create(String username, String community, String title, String body, Integer position) {
        Map<String, Object> input = new HashMap<>(Map.of("communityId", community, "title", title, "body", body));
        if (position != null) {
            input.put("position", position);
        }
        return run(globex(username), "guidelineCreate", vars("input", input))
                .body("errors", nullValue())
                .body("data.guidelineCreate.userErrors", empty())
                .body("data.guidelineCreate.guideline.title", equalTo(title))
                .body("data.guidelineCreate.guideline.revision", equalTo(1))
                .extract().path("data.guidelineCreate.guideline.id");
    }

    private static int acknowledgementActivities(String community) {
        return (int) ActivityLog.kinds(Tokens.GLOBEX, community).stream()
                .filter("GUIDELINES_ACKNOWLEDGED"::equals).count();
    }

    private static Map<String, Object> thread(String community, String title) {
        return vars("input", Map.of("communityId", community, "kind", "DISCUSSION", "title", title, "body", "Hello"));
    }

    @Test
    void aPrivateCommunitysGuidelinesAreReadByItsMembersAndTheStaffOnly() {
        String community = aCommunity().in(Tokens.GLOBEX).by("manager").named("Private guidelines " + suffix())
                .visibility("PRIVATE").create().get("id").toString();
        String guideline = run(globex("manager"), "guidelineCreate", vars("input", Map.of("communityId", community,
                "title", "Discretion", "body", "What is said here stays here.")))
                .body("data.guidelineCreate.userErrors", empty())
                .extract().path("data.guidelineCreate.guideline.id");
        run(globex("moderator"), "guidelines", vars("communityId", community))
                .body("data.guidelines.items.title", contains("Discretion"));
        run(globex("analyst"), "guidelines", vars("communityId", community)).body("data.guidelines", nullValue());
        run(globex("analyst"), "guidelineNode", vars("id", guideline)).body("data.node", nullValue());
        run(globex("manager"), "guidelineNode", vars("id", guideline)).body("data.node.title", equalTo("Discretion"));
    }

    private static String community() {
        return aCommunity().in(Tokens.GLOBEX).by("manager").named("Guidelines " + suffix()).create().get("id").toString();
    }

    private static String communityWithMembers(String... usernames) {
        return aCommunity().in(Tokens.GLOBEX).by("manager").named("Guidelines " + suffix()).joinedBy(usernames).createId();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
