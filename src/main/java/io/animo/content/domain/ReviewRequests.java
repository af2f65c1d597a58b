package io.animo.content.domain;

import java.util.List;
import java.util.UUID;

import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/**
 * Where posting sends what the rules flagged or held, for a moderator to decide (the moderation queue),
 * and what they rejected, for the moderation report.
 */
public interface ReviewRequests {

    /** Runs in the posting transaction. */
    Uni<Void> request(Tx tx, MessageEntity message, boolean held, List<String> ruleNames);

    /** Runs in the deleting transaction: the author deleted the message, so its waiting queue item leaves the queue. */
    Uni<Void> withdrawn(Tx tx, MessageEntity message);

    /** Runs in the posting transaction: the post is not stored, but the moderation report counts it. */
    Uni<Void> rejected(Tx tx, UUID communityId, UUID memberId, List<String> ruleNames);
}
