package io.animo.content.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.ReactionKind;
import io.animo.content.domain.ReactionTally;

@Type("ReactionCount")
@Description("How many members reacted to a message with one kind (kinds with no reaction are left out)")
public record ReactionCount(@NonNull ReactionKind kind, @NonNull int count,
        @NonNull @Description("Whether the caller is one of them") boolean viewerReacted) {

    static ReactionCount of(ReactionTally count) {
        return new ReactionCount(count.kind(), count.count(), count.viewerReacted());
    }
}
