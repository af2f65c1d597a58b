package io.animo.moderation.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.content.domain.MessageEntity;
import io.animo.content.domain.ReviewRequests;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Opens queue items for what the rules held (priority 2) or flagged (priority 1); records what they rejected. */
@ApplicationScoped
public class ModerationQueue implements ReviewRequests {

    private final QueueEvents events;

    public ModerationQueue(QueueEvents events) {
        this.events = events;
    }

    @Override
    public Uni<Void> request(MessageEntity message, boolean held, List<String> ruleNames) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
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
        return Panache.getSession().chain(session -> session.persist(item)).chain(() -> events.publish("QUEUED", item));
    }

    @Override
    public Uni<Void> rejected(UUID tenantId, UUID communityId, UUID memberId, List<String> ruleNames) {
        RejectedPostEntity rejected = new RejectedPostEntity();
        rejected.id = UUID.randomUUID();
        rejected.tenantId = tenantId;
        rejected.communityId = communityId;
        rejected.memberId = memberId;
        rejected.ruleNames = String.join(", ", ruleNames);
        rejected.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession().chain(session -> session.persist(rejected));
    }
}
