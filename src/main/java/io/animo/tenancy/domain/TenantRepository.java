package io.animo.tenancy.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.PageRequest;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class TenantRepository implements PanacheRepositoryBase<TenantEntity, UUID> {

    private static final String ORDERING = "tenants";
    /** The tenant key as {@link TenantRecord#key()} writes it. */
    private static final String KEY = "(case when organization is null then realm else concat(realm, '/', organization) end)";

    /** The tenant of a realm ({@code organization} null), or of an organization of the organizations realm. */
    public Uni<TenantEntity> findByKey(String realm, String organization) {
        return organization == null
                ? find("realm = ?1 and organization is null", realm).firstResult()
                : find("realm = ?1 and organization = ?2", realm, organization).firstResult();
    }

    /** Tenants by key (realm, or realm/organization), forward or backward from a cursor. */
    public Uni<List<TenantEntity>> page(PageRequest page) {
        Parameters params = new Parameters();
        String where = "1 = 1";
        boolean ascending = !page.backward();
        Cursor cursor = page.cursor(ORDERING);
        if (cursor != null) {
            where = KEY + (ascending ? " > " : " < ") + ":key";
            params.and("key", cursor.sortValue());
        }
        String direction = ascending ? "asc" : "desc";
        return find(where + " order by " + KEY + " " + direction, params).page(0, page.fetchSize()).list();
    }

    static Cursor cursorOf(TenantRecord tenant) {
        return new Cursor(ORDERING, tenant.key(), tenant.id());
    }
}
