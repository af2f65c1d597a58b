package io.animo.content.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.ContentStatus;
import io.animo.content.domain.MessageEntity;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Node;

@Type("Message")
public record Message(@Id @NonNull String id, @Id @NonNull String threadId,
        @Id @Description("The message this one replies to (one level deep)") String parentId, @Id @NonNull String authorId,
        @NonNull String body,
        @NonNull @Description("HELD: visible only to its author and the moderators until approved; DELETED: by its author,"
                + " shown with an empty body so replies keep their parent") ContentStatus status,
        @NonNull @Description("Published but queued for a moderator's look") boolean flagged, @NonNull Instant createdAt,
        @Description("When its author last edited it; null if never") Instant editedAt,
        @Id @Description("In a debate: the side this message takes") String sideId) implements Node {

    static final String TYPE = "Message";

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    public static Message of(MessageEntity m) {
        return m == null
                ? null
                : new Message(GlobalId.encode(TYPE, m.id), GlobalId.encode(Thread.TYPE, m.threadId),
                        m.parentId == null ? null : GlobalId.encode(TYPE, m.parentId),
                        GlobalId.encode("Member", m.authorMemberId),
                        m.body, m.status, m.flagged, m.createdAt, m.editedAt,
                        m.debateSideId == null ? null : GlobalId.encode("DebateSide", m.debateSideId));
    }
}
