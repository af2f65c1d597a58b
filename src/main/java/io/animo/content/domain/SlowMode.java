package io.animo.content.domain;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.member.domain.CommunityAccess;
import io.animo.member.domain.CommunityAction;
import io.animo.member.domain.CommunityCondition;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;

/**
 * Slow mode, the content part of the community gate: in a community with slow mode on, a member posts or
 * edits at most once per {@code slowModeSeconds}, counting both (so neither new messages nor edits can
 * flood a community in a crisis, nor grow a message's history without bound).
 */
@ApplicationScoped
public class SlowMode implements CommunityCondition {

    private final ContentRepository content;

    public SlowMode(ContentRepository content) {
        this.content = content;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Uni<UserError> check(Tx tx, CommunityAction action, CommunityAccess access, String field) {
        int seconds = access.community().slowModeSeconds;
        if ((action != CommunityAction.POST && action != CommunityAction.EDIT) || seconds == 0) {
            return Uni.createFrom().nullItem();
        }
        Instant since = Instant.now().minusSeconds(seconds);
        return content.recentContributions(tx, access.community().id, access.member().id, since)
                .map(recent -> recent > 0
                        ? UserError.of(field, "SLOW_MODE", "Slow mode is on: wait " + seconds
                                + " seconds between messages and edits.")
                        : null);
    }
}
