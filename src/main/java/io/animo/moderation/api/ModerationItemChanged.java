package io.animo.moderation.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.moderation.domain.ItemStatus;
import io.animo.moderation.domain.QueueChange;
import io.animo.platform.graphql.GlobalId;

@Type("ModerationItemChanged")
@Description("A queue item was queued, reported again, claimed or decided; fetch it with node(id:) or the queue for details.")
public record ModerationItemChanged(@NonNull @Description("QUEUED, REPORTED, CLAIMED or DECIDED") String type,
        @Id @NonNull String itemId, @Id @NonNull String communityId, @NonNull ItemStatus status, @NonNull int priority,
        @NonNull int reportCount) {

    static ModerationItemChanged of(QueueChange change) {
        return new ModerationItemChanged(change.type(), GlobalId.encode(ModerationItem.TYPE, change.itemId()),
                GlobalId.encode("Community", change.communityId()), change.status(), change.priority(), change.reportCount());
    }
}
