package io.animo.community.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.TenantOwnedRepository;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Every query of communities. Each filters by tenant explicitly; row-level security would hide other tenants'
 * rows anyway, this keeps the indexes (which start with tenant_id) in use.
 * <p>
 * Reads ({@code read…}) are plain SQL on the unit of work's connection and give detached entities: the hot read
 * paths (every page, every post's checks) pay for no session bookkeeping. Changes go through the managed entities
 * of {@code find…} (Hibernate Reactive: optimistic locking, dirty checking).
 */
@ApplicationScoped
public class CommunityRepository implements TenantOwnedRepository<CommunityEntity> {

    public Uni<CommunityEntity> findBySlug(UUID tenantId, String slug) {
        return find("tenantId = ?1 and slug = ?2", tenantId, slug).firstResult();
    }

    public Uni<CommunityEntity> read(Tx tx, UUID id) {
        return tx.sql().preparedQuery(SELECT + " where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id))
                .map(rows -> Rows.first(rows, CommunityRepository::fromRow));
    }

    public Uni<CommunityEntity> readBySlug(Tx tx, String slug) {
        return tx.sql().preparedQuery(SELECT + " where tenant_id = $1 and slug = $2")
                .execute(Tuple.of(tx.tenantId(), slug))
                .map(rows -> Rows.first(rows, CommunityRepository::fromRow));
    }

    public Uni<List<CommunityEntity>> readByIds(Tx tx, List<UUID> ids) {
        return tx.sql().preparedQuery(SELECT + " where tenant_id = $1 and id = any($2)")
                .execute(Tuple.of(tx.tenantId(), ids.toArray(UUID[]::new)))
                .map(rows -> Rows.all(rows, CommunityRepository::fromRow));
    }

    /**
     * One page and, when asked for, the total, in one statement: the count rides on the page's first row (an
     * uncorrelated subquery, counted once, under the same snapshot as the page). An empty page carries no row to
     * ride on: then the total is counted by itself.
     */
    public Uni<Page<CommunityEntity>> readPage(Tx tx, CommunityQuery query, boolean withTotal) {
        List<Object> params = new ArrayList<>(List.of(tx.tenantId()));
        String filters = filters(query, params);
        PageRequest page = query.page();
        boolean nameOrder = query.order() == CommunityOrder.NAME_ASC;
        // forward on NAME_ASC scans ascending; forward on CREATED_AT_DESC scans descending; backward flips it
        boolean ascending = nameOrder != page.backward();
        String sortKey = nameOrder ? "sort_name" : "created_at";
        StringBuilder where = new StringBuilder(filters);
        List<Object> pageParams = new ArrayList<>(params);
        Cursor cursor = page.cursor(ordering(query.order()));
        if (cursor != null) {
            String op = ascending ? ">" : "<";
            pageParams.add(nameOrder ? cursor.sortValue() : Rows.timestamp(cursor.sortInstant()));
            pageParams.add(cursor.id());
            int sortAt = pageParams.size() - 1;
            where.append(" and (").append(sortKey).append(' ').append(op).append(" $").append(sortAt)
                    .append(" or (").append(sortKey).append(" = $").append(sortAt).append(" and id ").append(op)
                    .append(" $").append(sortAt + 1).append("))");
        }
        String direction = ascending ? " asc" : " desc";
        pageParams.add(page.fetchSize());
        String total = withTotal ? ", (select count(*) from community where " + filters + ")" : "";
        return tx.sql()
                .preparedQuery(SELECT_COLUMNS + total + " from community where " + where + " order by " + sortKey + direction
                        + ", id" + direction + " limit $" + pageParams.size())
                .execute(Tuple.from(pageParams))
                .chain(rows -> {
                    List<CommunityEntity> scanned = Rows.all(rows, CommunityRepository::fromRow);
                    if (!withTotal) {
                        // a total nobody selected is never sent: 0 stands in for it
                        return Uni.createFrom().item(pageOf(scanned, query, 0));
                    }
                    if (!scanned.isEmpty()) {
                        return Uni.createFrom().item(pageOf(scanned, query, rows.iterator().next().getLong(COLUMN_COUNT)));
                    }
                    return tx.sql().preparedQuery("select count(*) from community where " + filters)
                            .execute(Tuple.from(params))
                            .map(counted -> pageOf(scanned, query, counted.iterator().next().getLong(0)));
                });
    }

    private static Page<CommunityEntity> pageOf(List<CommunityEntity> scanned, CommunityQuery query, long total) {
        return Page.of(scanned, query.page(), row -> cursorOf(row, query.order()), total);
    }

    /** The filters of a query as SQL, their values appended to {@code params} (which holds the tenant as $1). */
    private static String filters(CommunityQuery query, List<Object> params) {
        StringBuilder where = new StringBuilder("tenant_id = $1");
        if (query.status() != null) {
            params.add(query.status().name());
            where.append(" and status = $").append(params.size());
        }
        if (query.search() != null) {
            params.add("%" + escapeLike(CommunityEntity.sortKey(query.search())) + "%");
            int search = params.size();
            where.append(" and (sort_name like $").append(search).append(" escape '\\' or slug like $").append(search)
                    .append(" escape '\\' or lower(description) like $").append(search).append(" escape '\\')");
        }
        return where.toString();
    }

    private static final String COLUMNS = "id, tenant_id, slug, name, sort_name, description, visibility, status,"
            + " created_by_subject, created_by_name, created_at, updated_at, archived_at, slow_mode_seconds,"
            + " pre_moderation, read_only, guidelines_acknowledgement_required, version";
    private static final String SELECT_COLUMNS = "select " + COLUMNS;
    private static final String SELECT = SELECT_COLUMNS + " from community";
    /** How many columns {@link #columns} names. */
    public static final int COLUMN_COUNT = Rows.count(COLUMNS);

    /** The columns {@link #fromRow(Row, int)} reads, of the table aliased {@code alias}: for a statement that joins more. */
    public static String columns(String alias) {
        return Rows.qualified(alias, COLUMNS);
    }

    private static CommunityEntity fromRow(Row row) {
        return fromRow(row, 0);
    }

    /** The community of {@link #columns} starting at column {@code first}; null when a left join found none. */
    public static CommunityEntity fromRow(Row row, int first) {
        if (row.getUUID(first) == null) {
            return null;
        }
        CommunityEntity community = new CommunityEntity();
        community.id = row.getUUID(first);
        community.tenantId = row.getUUID(first + 1);
        community.slug = row.getString(first + 2);
        community.name = row.getString(first + 3);
        community.sortName = row.getString(first + 4);
        community.description = row.getString(first + 5);
        community.visibility = CommunityVisibility.valueOf(row.getString(first + 6));
        community.status = CommunityStatus.valueOf(row.getString(first + 7));
        community.createdBySubject = row.getString(first + 8);
        community.createdByName = row.getString(first + 9);
        community.createdAt = Rows.instant(row, first + 10);
        community.updatedAt = Rows.instant(row, first + 11);
        community.archivedAt = Rows.instant(row, first + 12);
        community.slowModeSeconds = row.getInteger(first + 13);
        community.preModeration = row.getBoolean(first + 14);
        community.readOnly = row.getBoolean(first + 15);
        community.guidelinesAcknowledgementRequired = row.getBoolean(first + 16);
        community.version = row.getLong(first + 17);
        return community;
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
