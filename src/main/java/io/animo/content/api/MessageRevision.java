package io.animo.content.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.MessageRevisionEntity;

@Type("MessageRevision")
@Description("A previous body of a message")
public record MessageRevision(@NonNull @Description("1 for the body as first posted, then one more per edit") int revision,
        @NonNull String body, @NonNull @Description("When an edit replaced this body") Instant editedAt) {

    static MessageRevision of(MessageRevisionEntity revision) {
        return new MessageRevision(revision.revision, revision.body, revision.editedAt);
    }
}
