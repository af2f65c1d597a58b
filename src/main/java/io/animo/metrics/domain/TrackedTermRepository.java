package io.animo.metrics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Tracked terms and their mentions, in the caller's tenant. */
@ApplicationScoped
public class TrackedTermRepository {

    private static final String COLUMNS = "t.id, t.term, t.created_by_name, t.created_at,"
            + " (select count(*) from term_mention tm where tm.tenant_id = t.tenant_id and tm.term_id = t.id)";

    Uni<List<TrackedTerm>> list(Tx tx) {
        return tx.sql().preparedQuery("select " + COLUMNS + " from tracked_term t where t.tenant_id = $1"
                + " order by lower(t.term)").execute(Tuple.of(tx.tenantId()))
                .map(rows -> Rows.all(rows, TrackedTermRepository::term));
    }

    Uni<TrackedTerm> read(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select " + COLUMNS + " from tracked_term t where t.tenant_id = $1 and t.id = $2")
                .execute(Tuple.of(tx.tenantId(), id))
                .map(rows -> Rows.first(rows, TrackedTermRepository::term));
    }

    Uni<Long> count(Tx tx) {
        return tx.sql().preparedQuery("select count(*) from tracked_term where tenant_id = $1")
                .execute(Tuple.of(tx.tenantId())).map(rows -> Rows.first(rows, row -> row.getLong(0)));
    }

    Uni<Boolean> exists(Tx tx, String term) {
        return tx.sql().preparedQuery("select 1 from tracked_term where tenant_id = $1 and lower(term) = lower($2)")
                .execute(Tuple.of(tx.tenantId(), term)).map(rows -> rows.size() > 0);
    }

    /** Stores the term, and finds its mentions among the activities of the past {@value TermMentions#BACKFILL_DAYS} days. */
    Uni<Void> insert(Tx tx, UUID id, String term, String createdBySubject, String createdByName) {
        return tx.sql().preparedQuery("insert into tracked_term (tenant_id, id, term, created_by_subject, created_by_name,"
                + " created_at) values ($1, $2, $3, $4, $5, now())")
                .execute(Tuple.of(tx.tenantId(), id, term, createdBySubject, createdByName))
                .chain(() -> tx.sql().preparedQuery(TermMentions.INSERT + " where a.tenant_id = $1 and t.id = $2"
                        + " and a.occurred_at >= now() - make_interval(days => $3) on conflict do nothing")
                        .execute(Tuple.of(tx.tenantId(), id, TermMentions.BACKFILL_DAYS)))
                .replaceWithVoid();
    }

    Uni<Boolean> delete(Tx tx, UUID id) {
        return tx.sql().preparedQuery("delete from tracked_term where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id)).map(rows -> rows.rowCount() > 0);
    }

    /** Mentions of {@code [from, to)} per bucket: {@code each} receives (bucket start, mentions, by sentiment). */
    Uni<Void> mentions(Tx tx, UUID termId, UUID communityId, Granularity granularity, ZoneId zone, Instant from,
            Instant to, Consumer<TermMentionPoint> each) {
        String bucket = "date_trunc('" + granularity.sqlUnit() + "', occurred_at at time zone $6) at time zone $6";
        return tx.sql().preparedQuery("select " + bucket + ", count(*), count(*) filter (where sentiment = 'POSITIVE'),"
                + " count(*) filter (where sentiment = 'NEUTRAL'), count(*) filter (where sentiment = 'NEGATIVE')"
                + " from term_mention where tenant_id = $1 and term_id = $2 and ($3::uuid is null or community_id = $3)"
                + " and occurred_at >= $4 and occurred_at < $5 group by 1")
                .execute(Tuple.of(tx.tenantId(), termId, communityId, Rows.timestamp(from), Rows.timestamp(to), zone.getId()))
                .invoke(rows -> rows.forEach(row -> each.accept(new TermMentionPoint(Rows.instant(row, 0), row.getLong(1),
                        row.getLong(2), row.getLong(3), row.getLong(4)))))
                .replaceWithVoid();
    }

    private static TrackedTerm term(Row row) {
        return new TrackedTerm(row.getUUID(0), row.getString(1), row.getString(2), Rows.instant(row, 3), row.getLong(4));
    }
}
