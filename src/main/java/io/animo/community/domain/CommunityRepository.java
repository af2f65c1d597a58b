package io.animo.community.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Every query filters by tenant explicitly; row-level security would hide other tenants' rows
 * anyway, this keeps the indexes (which start with tenant_id) in use.
 */
@ApplicationScoped
public class CommunityRepository implements PanacheRepositoryBase<CommunityEntity, UUID> {

    public Uni<CommunityEntity> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    public Uni<CommunityEntity> findBySlug(UUID tenantId, String slug) {
        return find("tenantId = ?1 and slug = ?2", tenantId, slug).firstResult();
    }

    public Uni<List<CommunityEntity>> findByIds(UUID tenantId, List<UUID> ids) {
        return list("tenantId = ?1 and id in ?2", tenantId, ids);
    }

    public Uni<List<CommunityEntity>> page(UUID tenantId, CommunityQuery query) {
        Parameters params = Parameters.with("tenant", tenantId);
        List<String> where = filters(query, params);
        PageRequest page = query.page();
        boolean nameOrder = query.order() == CommunityOrder.NAME_ASC;
        // forward on NAME_ASC scans ascending; forward on CREATED_AT_DESC scans descending; backward flips it
        boolean ascending = nameOrder != page.backward();
        Cursor cursor = page.cursor(ordering(query.order()));
        if (cursor != null) {
            String op = ascending ? ">" : "<";
            if (nameOrder) {
                where.add("(sortName " + op + " :sortName or (sortName = :sortName and id " + op + " :cursorId))");
                params.and("sortName", cursor.sortValue());
            } else {
                where.add("(createdAt " + op + " :sortAt or (createdAt = :sortAt and id " + op + " :cursorId))");
                params.and("sortAt", cursor.sortInstant());
            }
            params.and("cursorId", cursor.id());
        }
        String direction = ascending ? "asc" : "desc";
        String sortKey = nameOrder ? "sortName" : "createdAt";
        String hql = String.join(" and ", where) + " order by " + sortKey + " " + direction + ", id " + direction;
        return find(hql, params).page(0, page.fetchSize()).list();
    }

    public Uni<Long> count(UUID tenantId, CommunityQuery query) {
        Parameters params = Parameters.with("tenant", tenantId);
        return count(String.join(" and ", filters(query, params)), params);
    }

    private static List<String> filters(CommunityQuery query, Parameters params) {
        List<String> where = new ArrayList<>();
        where.add("tenantId = :tenant");
        if (query.status() != null) {
            where.add("status = :status");
            params.and("status", query.status());
        }
        if (query.search() != null) {
            where.add("(sortName like :search escape '\\' or slug like :search escape '\\'"
                    + " or lower(description) like :search escape '\\')");
            params.and("search", "%" + escapeLike(CommunityEntity.sortKey(query.search())) + "%");
        }
        return where;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static Cursor cursorOf(CommunityEntity entity, CommunityOrder order) {
        String sortValue = order == CommunityOrder.NAME_ASC ? entity.sortName : entity.createdAt.toString();
        return new Cursor(ordering(order), sortValue, entity.id);
    }

    private static String ordering(CommunityOrder order) {
        return "communities:" + order;
    }
}
