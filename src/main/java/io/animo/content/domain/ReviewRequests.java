package io.animo.content.domain;

import java.util.List;

import io.smallrye.mutiny.Uni;

/** Where posting sends what the rules flagged or held, for a moderator to decide (the moderation queue). */
public interface ReviewRequests {

    /** Runs in the posting transaction. */
    Uni<Void> request(MessageEntity message, boolean held, List<String> ruleNames);
}
