package io.animo.content.domain;

import java.util.UUID;

import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/**
 * Lets a feature built on threads (debates) refuse a message or check the side it takes, inside the
 * posting transaction. Asked for every message in a DEBATE thread and for every message that names a side.
 */
public interface ReplyGuard {

    /** Null when the message may be posted; otherwise what the caller must know. */
    Uni<UserError> check(Tx tx, ThreadEntity thread, UUID sideId);
}
