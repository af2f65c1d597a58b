package io.animo.debate.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.debate.domain.DebateView;
import io.animo.platform.graphql.GlobalId;

@Type("DebateSide")
public record DebateSide(@Id @NonNull String id, @NonNull String label,
        @NonNull @Description("Published messages that took this side") int replyCount) {

    static final String TYPE = "DebateSide";

    static DebateSide of(DebateView.SideCount side) {
        return new DebateSide(GlobalId.encode(TYPE, side.side().id), side.side().label, (int) side.replyCount());
    }
}
