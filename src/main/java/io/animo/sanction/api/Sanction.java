package io.animo.sanction.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Node;
import io.animo.sanction.domain.SanctionEntity;
import io.animo.sanction.domain.SanctionKind;
import io.animo.sanction.domain.SanctionView;

@Type("Sanction")
@Description("A warning, mute or ban of a member in one community. Mutes and bans stop the member posting until they"
        + " end or are lifted.")
public record Sanction(
        @Id @NonNull String id,
        @Id @NonNull String communityId,
        @Id @NonNull String memberId,
        @NonNull SanctionKind kind,
        @NonNull String reason,
        @Description("When it ends; null for a warning and for a permanent ban") Instant until,
        @NonNull @Description("Not lifted and not over") boolean active,
        @Id @Description("The moderation queue item whose decision issued it, if any") String moderationItemId,
        @NonNull @Description("Display name of who issued it") String issuedBy,
        @NonNull Instant createdAt,
        Instant liftedAt,
        @Description("Display name of who lifted it") String liftedBy,
        String liftNote,
        @Description("The member's appeal, if they filed one") Appeal appeal) implements Node {

    public static final String TYPE = "Sanction";

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    static Sanction of(SanctionView view) {
        if (view == null || view.sanction() == null) {
            return null;
        }
        SanctionEntity s = view.sanction();
        return new Sanction(GlobalId.encode(TYPE, s.id), GlobalId.encode("Community", s.communityId),
                GlobalId.encode("Member", s.memberId), s.kind, s.reason, s.endsAt, s.activeAt(Instant.now()),
                s.moderationItemId == null ? null : GlobalId.encode("ModerationItem", s.moderationItemId), s.issuedByName,
                s.createdAt, s.liftedAt, s.liftedByName, s.liftNote, Appeal.of(view.appeal()));
    }
}
