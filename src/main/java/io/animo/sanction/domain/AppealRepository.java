package io.animo.sanction.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.TenantOwnedRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Every query of appeals (at most one per sanction). Each filters by tenant explicitly. */
@ApplicationScoped
public class AppealRepository implements TenantOwnedRepository<AppealEntity> {

    private static final String ORDERING = "appeals";

    /** The appeal against a sanction; null when there is none. */
    public Uni<AppealEntity> ofSanction(UUID tenantId, UUID sanctionId) {
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                "from AppealEntity where tenantId = :tenant and sanctionId = :sanction", AppealEntity.class)
                .setParameter("tenant", tenantId).setParameter("sanction", sanctionId).getSingleResultOrNull());
    }

    /** The appeals against any of these sanctions, in one query. */
    public Uni<List<AppealEntity>> ofSanctions(UUID tenantId, List<UUID> sanctionIds) {
        return sanctionIds.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Panache.getSession().chain(session -> session.createSelectionQuery(
                        "from AppealEntity where tenantId = :tenant and sanctionId in :ids", AppealEntity.class)
                        .setParameter("tenant", tenantId).setParameter("ids", sanctionIds).getResultList());
    }

    /** Appeals of a community, oldest first; of one status when {@code status} is given. */
    public Uni<Page<AppealEntity>> page(UUID tenantId, UUID communityId, AppealStatus status, PageRequest page) {
        return Panache.getSession().chain(session -> {
            List<String> where = new ArrayList<>(List.of("tenantId = :tenant", "communityId = :community"));
            if (status != null) {
                where.add("status = :status");
            }
            TimeKeyset keyset = TimeKeyset.oldestFirst(page, ORDERING, "createdAt", "id");
            if (keyset.cursor() != null) {
                where.add(keyset.condition());
            }
            var query = session.createSelectionQuery("from AppealEntity where " + String.join(" and ", where)
                    + " order by " + keyset.orderBy(), AppealEntity.class)
                    .setParameter("tenant", tenantId).setParameter("community", communityId)
                    .setMaxResults(page.fetchSize());
            if (status != null) {
                query.setParameter("status", status);
            }
            if (keyset.cursor() != null) {
                query.setParameter("at", keyset.at()).setParameter("cursorId", keyset.cursorId());
            }
            return query.getResultList().map(rows -> Page.of(rows, page, AppealRepository::cursorOf, -1));
        });
    }

    public static Cursor cursorOf(AppealEntity appeal) {
        return TimeKeyset.cursorOf(ORDERING, appeal.createdAt, appeal.id);
    }
}
