package io.animo.support;

import static io.animo.support.GraphQL.run;
import static io.animo.support.GraphQL.vars;

import java.util.List;
import java.util.Map;

/** A message's moderation queue item as moderators see it (reporters get their report back, not the item). */
public final class QueueItems {

    private QueueItems() {
    }

    /** The item of {@code messageId} among the {@code status} items of the community, read with a moderator's token. */
    public static Map<String, Object> of(String moderatorToken, String communityId, String messageId, String status) {
        List<Map<String, Object>> nodes = run(moderatorToken, "queueItemsOfMessages",
                vars("communityId", communityId, "status", status)).extract().path("data.moderationQueue.edges.node");
        return nodes.stream().filter(node -> messageId.equals(node.get("messageId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + status + " queue item for message " + messageId));
    }

    public static Map<String, Object> open(String moderatorToken, String communityId, String messageId) {
        return of(moderatorToken, communityId, messageId, "OPEN");
    }

    public static String openId(String moderatorToken, String communityId, String messageId) {
        return (String) open(moderatorToken, communityId, messageId).get("id");
    }
}
