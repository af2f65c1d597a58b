package io.animo.audit.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Cursor;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.TimeKeyset;
import io.animo.platform.persistence.DbTime;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

/**
 * Writes audit entries inside the caller's transaction (the entry commits with the change it
 * describes, or not at all) and reads them back for tenant admins, newest first.
 */
@ApplicationScoped
public class AuditLog {

    private static final String ORDERING = "audit";

    /** Records within the current transaction. */
    public Uni<Void> record(Tx tx, Caller actor, String action, String targetType, UUID targetId, String summary) {
        AuditEntryEntity entry = new AuditEntryEntity();
        entry.id = UUID.randomUUID();
        entry.tenantId = tx.tenantId();
        entry.occurredAt = DbTime.now();
        entry.actorSubject = actor.subject();
        entry.actorName = actor.displayName();
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        entry.summary = summary.length() > 500 ? summary.substring(0, 500) : summary;
        return Panache.getSession().chain(session -> session.persist(entry)).replaceWithVoid();
    }

    public Uni<Page<AuditEntryEntity>> page(Tx tx, Caller caller, AuditQuery query) {
        UUID tenant = caller.tenantId();
        return Panache.getSession().chain(session -> {
            Parameters params = Parameters.with("tenant", tenant);
            List<String> where = filters(query, params);
            String countHql = "select count(*) from AuditEntryEntity where " + String.join(" and ", where);
            PageRequest page = query.page();
            TimeKeyset keyset = TimeKeyset.newestFirst(page, ORDERING, "occurredAt", "id");
            if (keyset.cursor() != null) {
                where.add(keyset.condition());
                params.and("at", keyset.at()).and("cursorId", keyset.cursorId());
            }
            var select = session.createSelectionQuery("from AuditEntryEntity where " + String.join(" and ", where)
                    + " order by " + keyset.orderBy(), AuditEntryEntity.class)
                    .setMaxResults(page.fetchSize());
            params.map().forEach(select::setParameter);
            var count = session.createSelectionQuery(countHql, Long.class);
            Parameters countParams = Parameters.with("tenant", tenant);
            filters(query, countParams);
            countParams.map().forEach(count::setParameter);
            return select.getResultList().chain(rows -> count.getSingleResult()
                    .map(total -> Page.of(rows, page, AuditLog::cursorOf, total)));
        });
    }

    private static List<String> filters(AuditQuery query, Parameters params) {
        List<String> where = new ArrayList<>();
        where.add("tenantId = :tenant");
        if (query.action() != null) {
            where.add("action = :action");
            params.and("action", query.action());
        }
        if (query.targetId() != null) {
            where.add("targetId = :target");
            params.and("target", query.targetId());
        }
        return where;
    }

    public static Cursor cursorOf(AuditEntryEntity entry) {
        return TimeKeyset.cursorOf(ORDERING, entry.occurredAt, entry.id);
    }
}
