package io.animo.debate.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/** Debates and their sides (a debate is keyed by its thread). Each query filters by tenant explicitly. */
@ApplicationScoped
public class DebateRepository implements PanacheRepositoryBase<DebateEntity, UUID> {

    /** Stores a new debate and its sides at once. */
    public Uni<Void> persistWithSides(DebateEntity debate, List<DebateSideEntity> sides) {
        List<Object> rows = new ArrayList<>(List.of(debate));
        rows.addAll(sides);
        return Panache.getSession().chain(session -> session.persistAll(rows.toArray()).chain(session::flush));
    }

    /** The debate of a thread; null when the thread carries none. */
    public Uni<DebateEntity> ofThread(UUID tenantId, UUID threadId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from DebateEntity where tenantId = :tenant and threadId = :thread", DebateEntity.class)
                .setParameter("tenant", tenantId).setParameter("thread", threadId).getSingleResultOrNull());
    }

    /** Whether {@code sideId} is one of the sides of the thread's debate. */
    public Uni<Boolean> hasSide(UUID tenantId, UUID threadId, UUID sideId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "select count(*) from DebateSideEntity where tenantId = :tenant and threadId = :thread and id = :side",
                Long.class)
                .setParameter("tenant", tenantId).setParameter("thread", threadId)
                .setParameter("side", sideId).getSingleResult())
                .map(found -> found != 0);
    }

    /** The debates of these threads. */
    public Uni<List<DebateEntity>> ofThreads(UUID tenantId, List<UUID> threadIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from DebateEntity where tenantId = :tenant and threadId in :ids",
                DebateEntity.class).setParameter("tenant", tenantId).setParameter("ids", threadIds).getResultList());
    }

    /** The sides of the debates of these threads, by thread and in their order. */
    public Uni<List<DebateSideEntity>> sidesOf(UUID tenantId, List<UUID> threadIds) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from DebateSideEntity where tenantId = :tenant and threadId in :ids order by threadId, position",
                DebateSideEntity.class).setParameter("tenant", tenantId).setParameter("ids", threadIds).getResultList());
    }
}
