package io.animo.debate.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.content.domain.ReplyGuard;
import io.animo.content.domain.ThreadEntity;
import io.animo.content.domain.ThreadKind;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/** Messages in a debate are accepted only while it is open, and take one of its own sides if any. */
@ApplicationScoped
public class DebateReplies implements ReplyGuard {

    private final DebateRepository debates;

    public DebateReplies(DebateRepository debates) {
        this.debates = debates;
    }

    @Override
    public Uni<UserError> check(Tx tx, ThreadEntity thread, UUID sideId) {
        if (thread.kind != ThreadKind.DEBATE) {
            return Uni.createFrom().item(sideId == null ? null : invalidSide("Only messages in a debate take a side."));
        }
        return debates.ofThread(thread.tenantId, thread.id)
                .chain(debate -> {
                    if (debate == null) {
                        return Uni.createFrom().item(sideId == null ? null : invalidSide("This debate has no sides."));
                    }
                    DebateState state = debate.state(Instant.now());
                    if (state == DebateState.UPCOMING) {
                        return Uni.createFrom().item(UserError.of("input.threadId", "DEBATE_NOT_OPEN",
                                "This debate opens at " + debate.opensAt + "."));
                    }
                    if (state == DebateState.CLOSED) {
                        return Uni.createFrom().item(UserError.of("input.threadId", "DEBATE_CLOSED",
                                "This debate closed at " + debate.closesAt + "."));
                    }
                    if (sideId == null) {
                        return Uni.createFrom().nullItem();
                    }
                    return debates.hasSide(thread.tenantId, thread.id, sideId)
                            .map(found -> !found ? invalidSide("This side is not one of this debate's.") : null);
                });
    }

    private static UserError invalidSide(String message) {
        return UserError.of("input.sideId", "INVALID_SIDE", message);
    }
}
