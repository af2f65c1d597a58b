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

    public Uni<TenantEntity> findByRealm(String realm) {
        return find("realm", realm).firstResult();
    }

    /** Tenants by realm name, forward or backward from a cursor. */
    public Uni<List<TenantEntity>> page(PageRequest page) {
        Parameters params = new Parameters();
        String where = "1 = 1";
        boolean ascending = !page.backward();
        Cursor cursor = page.cursor(ORDERING);
        if (cursor != null) {
            where = "realm " + (ascending ? ">" : "<") + " :realm";
            params.and("realm", cursor.sortValue());
        }
        String direction = ascending ? "asc" : "desc";
        return find(where + " order by realm " + direction, params).page(0, page.fetchSize()).list();
    }

    static Cursor cursorOf(TenantRecord tenant) {
        return new Cursor(ORDERING, tenant.realm(), tenant.id());
    }
}
