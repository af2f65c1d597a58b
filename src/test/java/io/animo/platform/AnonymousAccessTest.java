package io.animo.platform;

import static io.animo.support.GraphQL.raw;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** No field of the API answers a caller without a token, whatever the operation. */
@QuarkusTest
class AnonymousAccessTest {

    private static final String ID = "Q29tbXVuaXR5OjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA";

    private static final List<String> OPERATIONS = List.of(
            "{ viewer { username } }",
            "{ tenants(first: 1) { totalCount } }",
            "{ communities(first: 1) { totalCount } }",
            "{ community(id: \"" + ID + "\") { id } }",
            "{ node(id: \"" + ID + "\") { id } }",
            "{ rules { id } }",
            "{ auditLog(first: 1) { totalCount } }",
            "{ members(communityId: \"" + ID + "\") { totalCount } }",
            "{ threads(communityId: \"" + ID + "\") { edges { cursor } } }",
            "{ messages(threadId: \"" + ID + "\") { edges { cursor } } }",
            "{ moderationQueue(communityId: \"" + ID + "\") { edges { cursor } } }",
            "{ feedbackReports(communityId: \"" + ID + "\") { edges { cursor } } }",
            "{ guidelines(communityId: \"" + ID + "\") { revision } }",
            "{ ruleTest(input: {rule: {name: \"r\", kind: KEYWORDS, keywords: [\"x\"], action: FLAG}, text: \"x\"}) { outcome } }",
            "{ ruleBacktest(input: {rule: {name: \"r\", kind: KEYWORDS, keywords: [\"x\"], action: FLAG}, communityId: \""
                    + ID + "\", since: \"2026-01-01T00:00:00Z\"}) { caught } }",
            "{ moderationReport(period: {from: \"2026-01-01T00:00:00Z\", to: \"2026-02-01T00:00:00Z\"}) { itemsOpened } }",
            "mutation { communityCreate(input: {name: \"n\", slug: \"n\", visibility: PUBLIC}) { userErrors { code } } }",
            "mutation { communityModesSet(input: {id: \"" + ID + "\", readOnly: true}) { userErrors { code } } }",
            "mutation { communityJoin(input: {communityId: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { communityLeave(input: {communityId: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { membershipRoleSet(input: {communityId: \"" + ID + "\", memberId: \"" + ID
                    + "\", role: OWNER}) { userErrors { code } } }",
            "mutation { ruleCreate(input: {rule: {name: \"r\", kind: KEYWORDS, keywords: [\"x\"], action: FLAG}}) { userErrors { code } } }",
            "mutation { ruleDelete(input: {id: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { messagePost(input: {threadId: \"" + ID + "\", body: \"b\"}) { userErrors { code } } }",
            "mutation { contentReport(input: {messageId: \"" + ID + "\", reason: \"r\"}) { userErrors { code } } }",
            "mutation { moderationItemDecide(input: {itemId: \"" + ID + "\", decision: APPROVE}) { userErrors { code } } }",
            "mutation { feedbackReportCreate(input: {communityId: \"" + ID
                    + "\", kind: BUG, title: \"t\", body: \"b\"}) { userErrors { code } } }",
            "mutation { feedbackVote(input: {id: \"" + ID + "\"}) { userErrors { code } } }",
            "{ sanctions(communityId: \"" + ID + "\") { edges { cursor } } }",
            "{ appeals(communityId: \"" + ID + "\") { edges { cursor } } }",
            "mutation { sanctionIssue(input: {communityId: \"" + ID + "\", memberId: \"" + ID
                    + "\", kind: WARN, reason: \"r\"}) { userErrors { code } } }",
            "mutation { sanctionLift(input: {sanctionId: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { appealFile(input: {sanctionId: \"" + ID + "\", statement: \"s\"}) { userErrors { code } } }",
            "mutation { appealDecide(input: {appealId: \"" + ID + "\", decision: OVERTURN}) { userErrors { code } } }",
            "mutation { messageEdit(input: {messageId: \"" + ID + "\", body: \"b\"}) { userErrors { code } } }",
            "mutation { messageDelete(input: {messageId: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { messageReact(input: {messageId: \"" + ID + "\", kind: LIKE}) { userErrors { code } } }",
            "mutation { messageUnreact(input: {messageId: \"" + ID + "\", kind: LIKE}) { userErrors { code } } }",
            "mutation { threadPin(input: {threadId: \"" + ID + "\", pinned: true}) { userErrors { code } } }",
            "mutation { threadLock(input: {threadId: \"" + ID + "\", locked: true}) { userErrors { code } } }",
            "mutation { messageIngest(input: {threadId: \"" + ID
                    + "\", externalHandle: \"h\", displayName: \"d\", body: \"b\"}) { userErrors { code } } }",
            "mutation { guidelineCreate(input: {communityId: \"" + ID
                    + "\", title: \"t\", body: \"b\"}) { userErrors { code } } }",
            "mutation { guidelineUpdate(input: {id: \"" + ID
                    + "\", title: \"t\", body: \"b\", expectedRevision: 1}) { userErrors { code } } }",
            "mutation { guidelineDelete(input: {id: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { guidelinesReorder(input: {communityId: \"" + ID + "\", guidelineIds: [\"" + ID
                    + "\"]}) { userErrors { code } } }",
            "mutation { guidelinesRequireAcknowledgement(input: {communityId: \"" + ID
                    + "\", required: true}) { userErrors { code } } }",
            "mutation { guidelinesAcknowledge(input: {communityId: \"" + ID
                    + "\", revision: 1}) { userErrors { code } } }",
            "mutation { tenantSuspend(input: {tenantId: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { tenantResume(input: {tenantId: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { tenantProvision(input: {realm: \"r\", name: \"n\", adminEmail: \"a@b.c\", adminUsername: \"u\","
                    + " adminFirstName: \"f\", adminLastName: \"l\"}) { userErrors { code } } }",
            "mutation { communityUpdate(input: {id: \"" + ID + "\", version: 0, name: \"n\"}) { userErrors { code } } }",
            "mutation { communityArchive(input: {id: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { threadCreate(input: {communityId: \"" + ID
                    + "\", kind: DISCUSSION, title: \"t\", body: \"b\"}) { userErrors { code } } }",
            "mutation { ruleUpdate(input: {id: \"" + ID + "\", version: 0, rule: {name: \"r\", kind: KEYWORDS,"
                    + " keywords: [\"x\"], action: FLAG}}) { userErrors { code } } }",
            "mutation { moderationItemClaim(input: {itemId: \"" + ID + "\"}) { userErrors { code } } }",
            "mutation { feedbackReportTriage(input: {id: \"" + ID + "\", status: FIXED}) { userErrors { code } } }",
            "mutation { debateCreate(input: {communityId: \"" + ID + "\", title: \"t\", theme: \"t\", openingStatement: \"o\","
                    + " closesAt: \"2030-01-01T00:00:00Z\"}) { userErrors { code } } }",
            "mutation { pollCreate(input: {communityId: \"" + ID + "\", title: \"t\", question: \"q\", options: [\"a\", \"b\"],"
                    + " closesAt: \"2030-01-01T00:00:00Z\"}) { userErrors { code } } }",
            "mutation { pollVote(input: {threadId: \"" + ID + "\", optionIds: [\"" + ID + "\"]}) { userErrors { code } } }",
            "{ threads(communityId: \"" + ID + "\") { edges { node { debate { state } poll { closed } } } } }");

    @Test
    void everyOperationRefusesACallerWithoutAToken() {
        for (String operation : OPERATIONS) {
            List<String> codes = raw(null, operation, Map.of()).then().statusCode(200)
                    .extract().path("errors.extensions.code");
            assertFalse(codes == null || codes.isEmpty(), operation);
            assertThat(operation, codes, everyItem(equalTo("UNAUTHENTICATED")));
        }
    }
}
