package io.animo.content;

import static io.animo.support.CommunityBuilder.aCommunity;
import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.animo.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/** Edits, deletions, reactions, pin and lock, in tenant globex (acme carries tenant-wide rules of other tests). */
@QuarkusTest
class MessageActionsGraphQLTest {

    private static String globex(String username) {
        return Tokens.of(Tokens.GLOBEX, username);
    }

    @Test
    void anEditKeepsTheHistoryAndPassesTheRulesAgain() {
        String held = "hold" + unique();
        String banned = "ban" + unique();
        String community = communityWithMembers("member", "analyst");
        rule(community, "Check " + held, "KEYWORDS", Map.of("keywords", List.of(held)), "HOLD");
        rule(community, "No " + banned, "KEYWORDS", Map.of("keywords", List.of(banned)), "REJECT");
        String thread = thread("member", community, "Edits");
        String message = post("member", thread, "first body");

        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "second body",
                "clientMutationId", "e1")))
                .body("data.messageEdit.userErrors", empty())
                .body("data.messageEdit.outcome", equalTo("PUBLISHED"))
                .body("data.messageEdit.clientMutationId", equalTo("e1"))
                .body("data.messageEdit.message.body", equalTo("second body"))
                .body("data.messageEdit.message.editedAt", notNullValue())
                .body("data.messageEdit.message.history.revision", contains(1))
                .body("data.messageEdit.message.history.body", contains("first body"));

        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "third " + banned)))
                .body("data.messageEdit.outcome", equalTo("REJECTED"))
                .body("data.messageEdit.reasons", contains("No " + banned))
                .body("data.messageEdit.message.body", equalTo("second body"));
        run(globex("analyst"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges.node.body", contains("Opening", "second body"))
                .body("data.messages.edges[1].node.history.body", contains("first body"));

        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "fourth " + held)))
                .body("data.messageEdit.outcome", equalTo("HELD"))
                .body("data.messageEdit.reasons", contains("Check " + held))
                .body("data.messageEdit.message.status", equalTo("HELD"))
                .body("data.messageEdit.message.history.body", contains("second body", "first body"));
        run(globex("analyst"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges.node.id", not(hasItem(message)));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges.node.reason", contains("RULE_HOLD"))
                .body("data.moderationQueue.edges.node.ruleNames", contains("Check " + held));
        // the author still sees the held message, and an edit that passes the rules does not release it
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "fifth body")))
                .body("data.messageEdit.outcome", equalTo("PUBLISHED"))
                .body("data.messageEdit.message.status", equalTo("HELD"))
                .body("data.messageEdit.message.history.revision", contains(3, 2, 1));
    }

    @Test
    void anEditHeldAgainAfterApprovalReopensItsQueueItem() {
        String held = "hold" + unique();
        String community = communityWithMembers("member", "analyst");
        rule(community, "Check " + held, "KEYWORDS", Map.of("keywords", List.of(held)), "HOLD");
        String thread = thread("member", community, "Requeue");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread,
                "body", "first " + held))).extract().path("data.messagePost.message.id");
        String item = run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .extract().path("data.moderationQueue.edges[0].node.id");
        run(globex("moderator"), "moderationItemDecide", vars("input", Map.of("itemId", item, "decision", "APPROVE")))
                .body("data.moderationItemDecide.item.message.status", equalTo("PUBLISHED"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community)).body("data.moderationQueue.edges",
                empty());

        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "again " + held)))
                .body("data.messageEdit.userErrors", empty())
                .body("data.messageEdit.outcome", equalTo("HELD"))
                .body("data.messageEdit.message.status", equalTo("HELD"));
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges.node.id", contains(item))
                .body("data.moderationQueue.edges.node.status", contains("OPEN"))
                .body("data.moderationQueue.edges.node.decidedBy", contains((Object) null));
        run(globex("analyst"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges.node.id", not(hasItem(message)));
    }

    @Test
    void invalidEditsChangeNothing() {
        String community = communityWithMembers("member");
        String thread = thread("member", community, "Validation");
        String message = post("member", thread, "original");
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", " ")))
                .body("data.messageEdit.userErrors.code", contains("REQUIRED"))
                .body("data.messageEdit.userErrors.field", contains("input.body"))
                .body("data.messageEdit.message", nullValue());
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "x".repeat(10_001))))
                .body("data.messageEdit.userErrors.code", contains("TOO_LONG"));
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", "nonsense", "body", "valid")))
                .body("data.messageEdit.userErrors.code", contains("NOT_FOUND"));
        run(globex("member"), "messageDelete", vars("input", Map.of("messageId", thread)))
                .body("data.messageDelete.userErrors.code", contains("NOT_FOUND"));
        run(globex("member"), "messageReact", vars("input", Map.of("messageId", "nonsense", "kind", "LIKE")))
                .body("data.messageReact.userErrors.code", contains("NOT_FOUND"));
        run(globex("member"), "threadPin", vars("input", Map.of("threadId", message, "pinned", true)))
                .body("data.threadPin.userErrors.code", contains("NOT_FOUND"));
        run(globex("member"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges.node.body", contains("Opening", "original"))
                .body("data.messages.edges[1].node.editedAt", nullValue())
                .body("data.messages.edges[1].node.history", empty())
                .body("data.messages.edges[1].node.reactions", empty());
    }

    @Test
    void aMessageTakesAtMostAHundredEdits() {
        String community = communityWithMembers("moderator");
        String thread = thread("moderator", community, "Edited over and over");
        String message = post("moderator", thread, "version 0");
        for (int i = 1; i <= 100; i++) {
            edit("moderator", message, "version " + i);
        }
        run(globex("moderator"), "messageEdit", vars("input", Map.of("messageId", message, "body", "version 101")))
                .body("data.messageEdit.userErrors.code", contains("TOO_MANY_EDITS"))
                .body("data.messageEdit.userErrors.field", contains("input.messageId"))
                .body("data.messageEdit.message", nullValue());
        run(globex("moderator"), "messageHistory", vars("threadId", thread, "first", 100))
                .body("data.messages.edges[1].node.history.size()", equalTo(100))
                .body("data.messages.edges[1].node.history[0].body", equalTo("version 99"));
        run(globex("moderator"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges[1].node.body", equalTo("version 100"));
    }

    @Test
    void onlyTheAuthorEditsOrDeletes() {
        String held = "hold" + unique();
        String community = communityWithMembers("member", "analyst", "moderator");
        rule(community, "Check " + held, "KEYWORDS", Map.of("keywords", List.of(held)), "HOLD");
        String thread = thread("member", community, "Authors");
        String message = post("member", thread, "mine");
        String heldMessage = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread,
                "body", "waiting " + held))).body("data.messagePost.outcome", equalTo("HELD"))
                .extract().path("data.messagePost.message.id");

        for (String other : List.of("analyst", "moderator", "admin")) {
            run(globex(other), "messageEdit", vars("input", Map.of("messageId", message, "body", "theirs")))
                    .body("data.messageEdit.userErrors.code", contains("NOT_AUTHOR"));
            run(globex(other), "messageDelete", vars("input", Map.of("messageId", message)))
                    .body("data.messageDelete.userErrors.code", contains("NOT_AUTHOR"));
        }
        // a member who cannot see the held message is not told it exists
        run(globex("analyst"), "messageEdit", vars("input", Map.of("messageId", heldMessage, "body", "theirs")))
                .body("data.messageEdit.userErrors.code", contains("NOT_FOUND"));
        run(globex("analyst"), "messageDelete", vars("input", Map.of("messageId", heldMessage)))
                .body("data.messageDelete.userErrors.code", contains("NOT_FOUND"));
        run(globex("member"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges.node.body", contains("Opening", "mine", "waiting " + held))
                .body("data.messages.edges.node.status", contains("PUBLISHED", "PUBLISHED", "HELD"));
    }

    @Test
    void aDeletedMessageShowsEmptyAndKeepsItsReplies() {
        String community = communityWithMembers("member", "analyst");
        String thread = thread("member", community, "Deletion");
        String opening = firstOf(thread);
        String message = post("member", thread, "to be deleted");
        String reply = run(globex("analyst"), "messagePost", vars("input", Map.of("threadId", thread, "parentId", message,
                "body", "a reply"))).extract().path("data.messagePost.message.id");
        edit("member", message, "edited once");
        react("analyst", message, "LIKE").body("data.messageReact.userErrors", empty());

        run(globex("member"), "messageDelete", vars("input", Map.of("messageId", message, "clientMutationId", "d1")))
                .body("data.messageDelete.userErrors", empty())
                .body("data.messageDelete.clientMutationId", equalTo("d1"))
                .body("data.messageDelete.message.status", equalTo("DELETED"))
                .body("data.messageDelete.message.body", equalTo(""))
                .body("data.messageDelete.message.history", empty())
                .body("data.messageDelete.message.reactions", empty());
        run(globex("analyst"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges.node.id", contains(opening, message, reply))
                .body("data.messages.edges[1].node.status", equalTo("DELETED"))
                .body("data.messages.edges[1].node.body", equalTo(""))
                .body("data.messages.edges[2].node.parentId", equalTo(message))
                .body("data.messages.edges[2].node.body", equalTo("a reply"));

        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", message, "body", "back again")))
                .body("data.messageEdit.userErrors.code", contains("DELETED"));
        run(globex("member"), "messageDelete", vars("input", Map.of("messageId", message)))
                .body("data.messageDelete.userErrors.code", contains("DELETED"));
        react("analyst", message, "LOVE").body("data.messageReact.userErrors.code", contains("DELETED"));
        run(globex("analyst"), "contentReport", vars("input", Map.of("messageId", message, "reason", "spam")))
                .body("data.contentReport.userErrors.code", contains("NOT_FOUND"));
        run(globex("analyst"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges[1].node.body", equalTo(""))
                .body("data.messages.edges[1].node.reactions", empty());
    }

    @Test
    void reactionsAreCountedOncePerMemberAndKind() {
        String community = communityWithMembers("member", "analyst");
        String thread = thread("member", community, "Reactions");
        String message = post("member", thread, "react to me");
        String opening = firstOf(thread);

        react("member", message, "LIKE").body("data.messageReact.reactions.kind", contains("LIKE"))
                .body("data.messageReact.reactions.count", contains(1));
        react("member", message, "LIKE").body("data.messageReact.userErrors", empty())
                .body("data.messageReact.reactions.count", contains(1))
                .body("data.messageReact.reactions.viewerReacted", contains(true));
        react("analyst", message, "LOVE").body("data.messageReact.userErrors", empty());
        react("analyst", message, "LIKE")
                .body("data.messageReact.reactions.kind", contains("LIKE", "LOVE"))
                .body("data.messageReact.reactions.count", contains(2, 1))
                .body("data.messageReact.message.reactions.count", contains(2, 1));
        react("analyst", opening, "INSIGHTFUL").body("data.messageReact.userErrors", empty());

        // the whole page is loaded at once; each message gets its own counts, seen by the viewer
        run(globex("member"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges[0].node.reactions.kind", contains("INSIGHTFUL"))
                .body("data.messages.edges[0].node.reactions.viewerReacted", contains(false))
                .body("data.messages.edges[1].node.reactions.kind", contains("LIKE", "LOVE"))
                .body("data.messages.edges[1].node.reactions.count", contains(2, 1))
                .body("data.messages.edges[1].node.reactions.viewerReacted", contains(true, false));

        run(globex("analyst"), "messageUnreact", vars("input", Map.of("messageId", message, "kind", "LIKE",
                "clientMutationId", "u1")))
                .body("data.messageUnreact.userErrors", empty())
                .body("data.messageUnreact.clientMutationId", equalTo("u1"))
                .body("data.messageUnreact.reactions.kind", contains("LIKE", "LOVE"))
                .body("data.messageUnreact.reactions.count", contains(1, 1))
                .body("data.messageUnreact.reactions.viewerReacted", contains(false, true));
        run(globex("analyst"), "messageUnreact", vars("input", Map.of("messageId", message, "kind", "LIKE")))
                .body("data.messageUnreact.reactions.count", contains(1, 1));

        // only members of the community react
        react("manager", message, "LIKE").body("data.messageReact.userErrors.code", contains("NOT_A_MEMBER"))
                .body("data.messageReact.userErrors.field", contains("input.messageId"));
        run(globex("member"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges[1].node.reactions.count", contains(1, 1));
    }

    @Test
    void heldMessagesTakeNoReactions() {
        String held = "hold" + unique();
        String community = communityWithMembers("member", "analyst");
        rule(community, "Check " + held, "KEYWORDS", Map.of("keywords", List.of(held)), "HOLD");
        String thread = thread("member", community, "Held");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread,
                "body", "waiting " + held))).extract().path("data.messagePost.message.id");
        react("member", message, "LIKE").body("data.messageReact.userErrors.code", contains("NOT_PUBLISHED"));
        react("analyst", message, "LIKE").body("data.messageReact.userErrors.code", contains("NOT_FOUND"));
    }

    @Test
    void deletingAHeldMessageWithdrawsItFromTheQueue() {
        String held = "hold" + unique();
        String community = communityWithMembers("member");
        rule(community, "Check " + held, "KEYWORDS", Map.of("keywords", List.of(held)), "HOLD");
        String thread = thread("member", community, "Withdrawn");
        String message = run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread,
                "body", "regret " + held))).body("data.messagePost.outcome", equalTo("HELD"))
                .extract().path("data.messagePost.message.id");
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges.node.reason", contains("RULE_HOLD"));
        run(globex("member"), "messageDelete", vars("input", Map.of("messageId", message)))
                .body("data.messageDelete.userErrors", empty());
        run(globex("moderator"), "moderationQueue", vars("communityId", community))
                .body("data.moderationQueue.edges", empty());
        run(globex("moderator"), "moderationQueue", vars("communityId", community, "status", "WITHDRAWN"))
                .body("data.moderationQueue.edges.node.reason", contains("RULE_HOLD"));
    }

    @Test
    void aMutedMemberCannotReactNorEditAndNobodyReactsInAReadOnlyCommunity() {
        String word = "mute" + unique();
        String community = communityWithMembers("member", "analyst");
        Map<String, Object> matcher = new HashMap<>(Map.of("keywords", List.of(word), "muteMinutes", 10));
        rule(community, "Mute on " + word, "KEYWORDS", matcher, "MUTE");
        String thread = thread("analyst", community, "Muting");
        String mine = post("member", thread, "before the mute");
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "you " + word)))
                .body("data.messagePost.outcome", equalTo("REJECTED"));

        react("member", firstOf(thread), "LIKE")
                .body("data.messageReact.userErrors.code", contains("MUTED"))
                .body("data.messageReact.userErrors.field", contains("input.messageId"));
        run(globex("member"), "messageEdit", vars("input", Map.of("messageId", mine, "body", "after the mute")))
                .body("data.messageEdit.userErrors.code", contains("MUTED"));
        run(globex("analyst"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges[0].node.reactions", empty())
                .body("data.messages.edges[1].node.body", equalTo("before the mute"));

        run(globex("manager"), "communityModesSet", vars("input", Map.of("id", community, "readOnly", true)))
                .body("data.communityModesSet.userErrors", empty());
        react("analyst", mine, "LIKE").body("data.messageReact.userErrors.code", contains("READ_ONLY"));
        run(globex("analyst"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges[1].node.reactions", empty());
    }

    @Test
    void staffAndCommunityModeratorsPinAndLockOthersAreForbidden() {
        String community = aCommunity().in(Tokens.GLOBEX).create().get("id").toString();
        String memberId = join("member", community);
        join("analyst", community);
        String thread = thread("analyst", community, "Moderated " + unique());
        String message = post("analyst", thread, "in the thread");

        for (String refused : List.of("member", "analyst")) {
            run(globex(refused), "threadPin", vars("input", Map.of("threadId", thread, "pinned", true)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
            run(globex(refused), "threadLock", vars("input", Map.of("threadId", thread, "locked", true)))
                    .body("errors[0].extensions.code", equalTo("FORBIDDEN"));
        }
        run(globex("analyst"), "threadsPage", vars("communityId", community))
                .body("data.threads.edges.node.pinned", contains(false));

        run(globex("manager"), "membershipRoleSet", vars("input", Map.of("communityId", community, "memberId", memberId,
                "role", "MODERATOR"))).body("data.membershipRoleSet.userErrors", empty());
        run(globex("member"), "threadPin", vars("input", Map.of("threadId", thread, "pinned", true,
                "clientMutationId", "p1")))
                .body("data.threadPin.userErrors", empty())
                .body("data.threadPin.clientMutationId", equalTo("p1"))
                .body("data.threadPin.thread.pinned", equalTo(true));
        run(globex("moderator"), "threadLock", vars("input", Map.of("threadId", thread, "locked", true)))
                .body("data.threadLock.thread.locked", equalTo(true))
                .body("data.threadLock.thread.pinned", equalTo(true));

        run(globex("analyst"), "messagePost", vars("input", Map.of("threadId", thread, "body", "too late")))
                .body("data.messagePost.userErrors.code", contains("LOCKED"));
        run(globex("analyst"), "messageEdit", vars("input", Map.of("messageId", message, "body", "changed")))
                .body("data.messageEdit.userErrors.code", contains("LOCKED"));

        run(globex("admin"), "threadLock", vars("input", Map.of("threadId", thread, "locked", false)))
                .body("data.threadLock.thread.locked", equalTo(false));
        run(globex("manager"), "threadPin", vars("input", Map.of("threadId", thread, "pinned", false)))
                .body("data.threadPin.thread.pinned", equalTo(false));
        edit("analyst", message, "changed after the unlock");

        run(globex("admin"), "auditLog", vars("filter", Map.of("targetId", thread), "first", 10))
                .body("data.auditLog.edges.node.action",
                        contains("THREAD_UNPINNED", "THREAD_UNLOCKED", "THREAD_LOCKED", "THREAD_PINNED"))
                .body("data.auditLog.edges.node.targetType", hasItems("Thread"));
    }

    @Test
    void pinnedThreadsComeFirstAndPagingStaysCorrect() {
        String community = communityWithMembers("member");
        String t1 = thread("member", community, "T1");
        String t2 = thread("member", community, "T2");
        String t3 = thread("member", community, "T3");
        String t4 = thread("member", community, "T4");
        String t5 = thread("member", community, "T5");
        for (String pinned : List.of(t2, t4)) {
            run(globex("manager"), "threadPin", vars("input", Map.of("threadId", pinned, "pinned", true)))
                    .body("data.threadPin.userErrors", empty());
        }
        run(globex("member"), "threadsPage", vars("communityId", community))
                .body("data.threads.edges.node.id", contains(t4, t2, t5, t3, t1))
                .body("data.threads.edges.node.pinned", contains(true, true, false, false, false));

        String cursor = run(globex("member"), "threadsPage", vars("communityId", community, "first", 2))
                .body("data.threads.edges.node.id", contains(t4, t2))
                .body("data.threads.pageInfo.hasNextPage", equalTo(true))
                .extract().path("data.threads.pageInfo.endCursor");
        cursor = run(globex("member"), "threadsPage", vars("communityId", community, "first", 2, "after", cursor))
                .body("data.threads.edges.node.id", contains(t5, t3))
                .body("data.threads.pageInfo.hasNextPage", equalTo(true))
                .body("data.threads.pageInfo.hasPreviousPage", equalTo(true))
                .extract().path("data.threads.pageInfo.endCursor");
        run(globex("member"), "threadsPage", vars("communityId", community, "first", 2, "after", cursor))
                .body("data.threads.edges.node.id", contains(t1))
                .body("data.threads.pageInfo.hasNextPage", equalTo(false));
        // backward across the boundary between pinned and unpinned threads
        run(globex("member"), "threadsPage", vars("communityId", community, "last", 2, "before", cursor))
                .body("data.threads.edges.node.id", contains(t2, t5))
                .body("data.threads.pageInfo.hasPreviousPage", equalTo(true));
        String pinnedCursor = run(globex("member"), "threadsPage", vars("communityId", community, "first", 1))
                .extract().path("data.threads.pageInfo.endCursor");
        run(globex("member"), "threadsPage", vars("communityId", community, "first", 2, "after", pinnedCursor))
                .body("data.threads.edges.node.id", contains(t2, t5));
        run(globex("member"), "threadsPage", vars("communityId", community, "last", 3, "before", cursor))
                .body("data.threads.edges.node.id", contains(t4, t2, t5))
                .body("data.threads.pageInfo.hasPreviousPage", equalTo(false));
    }

    @Test
    void otherTenantCannotTouchGlobexContent() {
        String community = communityWithMembers("member");
        String thread = thread("member", community, "Globex only");
        String message = post("member", thread, "internal");
        react("member", message, "LIKE").body("data.messageReact.userErrors", empty());
        for (String username : List.of("admin", "member")) {
            String acme = Tokens.of(Tokens.ACME, username);
            run(acme, "messageEdit", vars("input", Map.of("messageId", message, "body", "intrusion")))
                    .body("data.messageEdit.userErrors.code", contains("NOT_FOUND"));
            run(acme, "messageDelete", vars("input", Map.of("messageId", message)))
                    .body("data.messageDelete.userErrors.code", contains("NOT_FOUND"));
            run(acme, "messageReact", vars("input", Map.of("messageId", message, "kind", "ANGRY")))
                    .body("data.messageReact.userErrors.code", contains("NOT_FOUND"));
            run(acme, "messageUnreact", vars("input", Map.of("messageId", message, "kind", "LIKE")))
                    .body("data.messageUnreact.userErrors.code", contains("NOT_FOUND"));
            run(acme, "threadPin", vars("input", Map.of("threadId", thread, "pinned", true)))
                    .body("data.threadPin.userErrors.code", contains("NOT_FOUND"));
            run(acme, "threadLock", vars("input", Map.of("threadId", thread, "locked", true)))
                    .body("data.threadLock.userErrors.code", contains("NOT_FOUND"));
        }
        run(globex("member"), "messagesWithActions", vars("threadId", thread))
                .body("data.messages.edges[1].node.body", equalTo("internal"))
                .body("data.messages.edges[1].node.status", equalTo("PUBLISHED"))
                .body("data.messages.edges[1].node.reactions.kind", contains("LIKE"))
                .body("data.messages.edges[1].node.reactions.count", contains(1));
        run(globex("member"), "threadsPage", vars("communityId", community))
                .body("data.threads.edges.node.pinned", contains(false));
        run(globex("member"), "messagePost", vars("input", Map.of("threadId", thread, "body", "still open")))
                .body("data.messagePost.userErrors", empty());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static String communityWithMembers(String... usernames) {
        return aCommunity().in(Tokens.GLOBEX).joinedBy(usernames).createId();
    }

    /** Joins and returns the member's id. */
    private static String join(String username, String community) {
        return run(globex(username), "communityJoin", vars("input", Map.of("communityId", community)))
                .body("data.communityJoin.userErrors", empty())
                .extract().path("data.communityJoin.membership.member.id");
    }

    private static String thread(String username, String community, String title) {
        return run(globex(username), "threadCreate", vars("input", Map.of("communityId", community, "kind", "DISCUSSION",
                "title", title, "body", "Opening")))
                .body("data.threadCreate.userErrors", empty())
                .body("data.threadCreate.outcome", equalTo("PUBLISHED"))
                .extract().path("data.threadCreate.thread.id");
    }

    /** The id of the thread's opening message. */
    private static String firstOf(String thread) {
        return run(globex("moderator"), "messages", vars("threadId", thread, "first", 1))
                .extract().path("data.messages.edges[0].node.id");
    }

    private static String post(String username, String thread, String body) {
        return run(globex(username), "messagePost", vars("input", Map.of("threadId", thread, "body", body)))
                .body("data.messagePost.userErrors", empty())
                .body("data.messagePost.outcome", equalTo("PUBLISHED"))
                .extract().path("data.messagePost.message.id");
    }

    private static void edit(String username, String message, String body) {
        run(globex(username), "messageEdit", vars("input", Map.of("messageId", message, "body", body)))
                .body("data.messageEdit.userErrors", empty())
                .body("data.messageEdit.outcome", equalTo("PUBLISHED"));
    }

    private static io.restassured.response.ValidatableResponse react(String username, String message, String kind) {
        return run(globex(username), "messageReact", vars("input", Map.of("messageId", message, "kind", kind)));
    }

    private static void rule(String community, String name, String kind, Map<String, Object> matcher, String action) {
        Map<String, Object> rule = new HashMap<>(matcher);
        rule.put("name", name);
        rule.put("kind", kind);
        rule.put("action", action);
        run(globex("manager"), "ruleCreate", vars("input", Map.of("communityId", community, "rule", rule)))
                .body("data.ruleCreate.userErrors", empty());
    }
}
