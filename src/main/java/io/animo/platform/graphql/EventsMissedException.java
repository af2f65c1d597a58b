package io.animo.platform.graphql;

import io.smallrye.graphql.api.ErrorCode;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Ends a subscription whose replica lost its LISTEN connection for a while: what changed meanwhile was not
 * delivered, so the client reloads what it shows and subscribes again, instead of silently missing it.
 */
@ErrorCode("EVENTS_MISSED")
public class EventsMissedException extends ApiException {

    public EventsMissedException() {
        super("The live feed was interrupted and changes made meanwhile were not delivered: reload what you show and"
                + " subscribe again.");
    }

    /** {@code events}, ended with this error at the first {@code gap}. */
    public static <T> Multi<T> endingAtGap(Multi<T> events, Multi<?> gaps) {
        Multi<T> interruption = gaps.onItem()
                .transformToUniAndConcatenate(ignored -> Uni.createFrom().<T>failure(new EventsMissedException()));
        return Multi.createBy().merging().streams(events, interruption);
    }
}
