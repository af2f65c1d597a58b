package io.animo.moderation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.content.domain.MessageEntity;
import io.animo.content.domain.ReviewRequests;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/** Opens queue items for what the rules held (priority 2) or flagged (priority 1); records what they rejected. */
@ApplicationScoped
public class ModerationQueue implements ReviewRequests {

    private final QueueEvents events;

    private final ModerationItemRepository items;

    private final RejectedPostRepository rejectedPosts;

    public ModerationQueue(QueueEvents events, ModerationItemRepository items, RejectedPostRepository rejectedPosts) {
        this.events = events;
        this.items = items;
        this.rejectedPosts = rejectedPosts;
    }

    /**
     * A message has one queue item: an edit that the rules hold or flag again reuses it, reopening it when it
     * was already decided (an item still waiting keeps its place and its claim).
     */
    @Override
    public Uni<Void> request(Tx tx, MessageEntity message, boolean held, List<String> ruleNames) {
        Instant now = DbTime.now();
        return items.ofMessage(message.tenantId, message.id).chain(existing -> existing == null
                ? open(tx, message, held, ruleNames, now)
                : reopen(tx, existing, held, ruleNames, now));
    }

    private Uni<Void> open(Tx tx, MessageEntity message, boolean held, List<String> ruleNames, Instant now) {
        ModerationItemEntity item = new ModerationItemEntity();
        item.id = UUID.randomUUID();
        item.tenantId = message.tenantId;
        item.communityId = message.communityId;
        item.messageId = message.id;
        item.reason = held ? ItemReason.RULE_HOLD : ItemReason.RULE_FLAG;
        item.status = ItemStatus.OPEN;
        item.priority = held ? 2 : 1;
        item.ruleNames = String.join(", ", ruleNames);
        item.createdAt = now;
        item.updatedAt = now;
        return items.persist(item).chain(() -> events.publish(tx, "QUEUED", item));
    }

    private Uni<Void> reopen(Tx tx, ModerationItemEntity item, boolean held, List<String> ruleNames, Instant now) {
        boolean decided = item.status == ItemStatus.APPROVED || item.status == ItemStatus.REMOVED;
        if (held) {
            item.reason = ItemReason.RULE_HOLD;
        } else if (decided) {
            item.reason = ItemReason.RULE_FLAG;
        }
        item.priority = Math.max(decided ? 0 : item.priority, held ? 2 : 1);
        item.ruleNames = String.join(", ", ruleNames);
        item.updatedAt = now;
        if (decided) {
            item.reopen();
        }
        return items.flush().chain(() -> events.publish(tx, "QUEUED", item));
    }

    @Override
    public Uni<Void> withdrawn(Tx tx, MessageEntity message) {
        return items.ofMessage(message.tenantId, message.id).chain(item -> {
            if (item == null || (item.status != ItemStatus.OPEN && item.status != ItemStatus.CLAIMED
                    && item.status != ItemStatus.ESCALATED)) {
                return Uni.createFrom().voidItem();
            }
            item.status = ItemStatus.WITHDRAWN;
            item.updatedAt = DbTime.now();
            return items.flush().chain(() -> events.publish(tx, "WITHDRAWN", item));
        });
    }

    @Override
    public Uni<Void> rejected(Tx tx, UUID communityId, UUID memberId, List<String> ruleNames) {
        RejectedPostEntity rejected = new RejectedPostEntity();
        rejected.id = UUID.randomUUID();
        rejected.tenantId = tx.tenantId();
        rejected.communityId = communityId;
        rejected.memberId = memberId;
        rejected.ruleNames = String.join(", ", ruleNames);
        rejected.occurredAt = DbTime.now();
        return rejectedPosts.persist(rejected).replaceWithVoid();
    }
}
