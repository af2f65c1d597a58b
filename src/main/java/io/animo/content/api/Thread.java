package io.animo.content.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.ContentStatus;
import io.animo.content.domain.ThreadEntity;
import io.animo.content.domain.ThreadKind;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Node;

@Type("Thread")
public record Thread(@Id @NonNull String id, @Id @NonNull String communityId, @NonNull ThreadKind kind, @NonNull String title,
        @Id @NonNull String authorId, @NonNull ContentStatus status, @NonNull boolean pinned, @NonNull boolean locked,
        @NonNull Instant createdAt) implements Node {

    static final String TYPE = "Thread";

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    static Thread of(ThreadEntity t) {
        return t == null
                ? null
                : new Thread(GlobalId.encode(TYPE, t.id), GlobalId.encode("Community", t.communityId), t.kind, t.title,
                        GlobalId.encode("Member", t.authorMemberId), t.status, t.pinned, t.locked, t.createdAt);
    }
}
