package io.animo.activity.domain;

import java.time.Instant;
import java.util.UUID;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.animo.sentiment.domain.SentimentLabel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/** Records what members do, in the transaction of the action itself. */
public final class Activities {

    private Activities() {
    }

    public static ActivityEntity of(UUID tenantId, UUID communityId, UUID memberId, ActivityKind kind, Instant at) {
        ActivityEntity activity = new ActivityEntity();
        activity.id = UUID.randomUUID();
        activity.tenantId = tenantId;
        activity.communityId = communityId;
        activity.memberId = memberId;
        activity.kind = kind.name();
        activity.occurredAt = at;
        return activity;
    }

    /** Stores the activity at once, on the unit of work's connection (the table only grows: no entity needed). */
    public static Uni<Void> record(Tx tx, UUID communityId, UUID memberId, ActivityKind kind, Instant at) {
        return record(tx, communityId, memberId, kind, at, null, null);
    }

    /**
     * An activity about one object ({@code subjectId}: the message posted, the sanction issued…), with the sentiment of
     * the content it brought (null for what has no text). The engagement metrics count from these rows.
     */
    public static Uni<Void> record(Tx tx, UUID communityId, UUID memberId, ActivityKind kind, Instant at, UUID subjectId,
            SentimentLabel sentiment) {
        return tx.sql().preparedQuery("insert into activity (id, tenant_id, community_id, member_id, kind, occurred_at,"
                + " subject_id, sentiment) values ($1, $2, $3, $4, $5, $6, $7, $8)")
                .execute(Tuple.from(new Object[]{UUID.randomUUID(), tx.tenantId(), communityId, memberId, kind.name(),
                        Rows.timestamp(at), subjectId, sentiment == null ? null : sentiment.name()}))
                .replaceWithVoid();
    }
}
