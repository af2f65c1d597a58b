package io.animo.guideline.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Guidelines and their previous versions (revisions belong to their guideline). Each query filters by tenant
 * explicitly; deleted guidelines stay in the table and are left out here.
 */
@ApplicationScoped
public class GuidelineRepository implements PanacheRepositoryBase<GuidelineEntity, UUID> {

    /** A guideline that is not deleted; null when there is none. */
    public Uni<GuidelineEntity> findActive(UUID tenantId, UUID id) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from GuidelineEntity g"
                + " where g.tenantId = :tenant and g.id = :id and g.deleted = false", GuidelineEntity.class)
                .setParameter("tenant", tenantId).setParameter("id", id).getSingleResultOrNull());
    }

    /** The guidelines of a community that are not deleted, in their order. */
    public Uni<List<GuidelineEntity>> active(UUID tenantId, UUID communityId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery("from GuidelineEntity g"
                + " where g.tenantId = :tenant and g.communityId = :community and g.deleted = false"
                + " order by g.position, g.createdAt, g.id", GuidelineEntity.class)
                .setParameter("tenant", tenantId).setParameter("community", communityId).getResultList());
    }

    /** Reads a guideline again from the database (a change committed while waiting for a lock). */
    public Uni<Void> reload(GuidelineEntity guideline) {
        return Panache.getSession().chain(session -> session.refresh(guideline));
    }

    /** Stores the previous version of a guideline at once. */
    public Uni<Void> persistRevisionAndFlush(GuidelineRevisionEntity revision) {
        return Panache.getSession().chain(session -> session.persist(revision).chain(session::flush));
    }

    /** The newest {@code kept} previous versions of each guideline, newest first, in one query. */
    public Uni<Map<UUID, List<GuidelineRevisionEntity>>> history(UUID tenantId, List<UUID> guidelineIds, int kept) {
        if (guidelineIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery("from GuidelineRevisionEntity r"
                + " where r.tenantId = :tenant and r.guidelineId in :ids"
                + " and r.revision >= (select max(x.revision) - :kept from GuidelineRevisionEntity x"
                + "   where x.tenantId = r.tenantId and x.guidelineId = r.guidelineId)"
                + " order by r.revision desc", GuidelineRevisionEntity.class)
                .setParameter("tenant", tenantId).setParameter("ids", guidelineIds).setParameter("kept", kept - 1)
                .getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(r -> r.guidelineId)));
    }
}
