package io.animo.activity.domain;

import java.time.Instant;
import java.util.UUID;

import io.animo.platform.persistence.Tx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

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

    public static Uni<Void> record(Tx tx, UUID communityId, UUID memberId, ActivityKind kind, Instant at) {
        ActivityEntity activity = of(tx.tenantId(), communityId, memberId, kind, at);
        return Panache.getSession().chain(session -> session.persist(activity)).replaceWithVoid();
    }
}
