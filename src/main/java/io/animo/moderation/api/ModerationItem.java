package io.animo.moderation.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.api.Message;
import io.animo.moderation.domain.ItemReason;
import io.animo.moderation.domain.ItemResult;
import io.animo.moderation.domain.ItemStatus;
import io.animo.moderation.domain.ModerationItemEntity;
import io.animo.platform.graphql.GlobalId;

@Type("ModerationItem")
@Description("A message waiting for a moderator, opened by a rule or by member reports (one item per message).")
public record ModerationItem(@Id @NonNull String id, @Id @NonNull String communityId, @Id @NonNull String messageId,
        @Description("The message, when the operation loaded it (the queue lists ids: fetch messages with node(id:))") Message message,
        @NonNull ItemReason reason, @NonNull ItemStatus status, @NonNull int priority, @NonNull int reportCount,
        @Description("Rules that flagged or held the message") String ruleNames, String claimedBy, String decidedBy,
        Instant decidedAt, String decisionNote, @NonNull Instant createdAt) {

    static final String TYPE = "ModerationItem";

    static ModerationItem of(ModerationItemEntity item, Message message) {
        return item == null
                ? null
                : new ModerationItem(GlobalId.encode(TYPE, item.id), GlobalId.encode("Community", item.communityId),
                        GlobalId.encode("Message", item.messageId), message,
                        item.reason, item.status, item.priority, item.reportCount, item.ruleNames, item.claimedByName,
                        item.decidedByName, item.decidedAt, item.decisionNote, item.createdAt);
    }

    static ModerationItem of(ItemResult result) {
        return of(result.item(), Message.of(result.message()));
    }
}
