package io.animo.listening.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.animo.sentiment.domain.Sentiment;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Sources, mentions and the fetch log, in plain SQL. The poller and the inbound webhook work across tenants by
 * declaring {@code animo.listening} ({@link #declarePoller}), which only the source table's policy honours.
 */
@ApplicationScoped
public class ListeningRepository {

    static final int KEPT_FETCHES = 50;
    static final int TRIM_ONE_PUSH_IN = 32;

    private static final String COLUMNS = "s.id, s.kind, s.name, s.url, s.handle, s.community_id, s.language, s.tags,"
            + " s.reach, s.status, s.poll_interval_seconds, s.next_poll_at, s.last_polled_at, s.last_error,"
            + " s.last_error_at, s.consecutive_failures, s.created_at";
    /** Mentions of [$2, $3) per source, for the figures and the ranking. */
    private static final String FIGURES = " left join lateral (select count(*) as mentions,"
            + " count(*) filter (where m.sentiment = 'POSITIVE') as positive,"
            + " count(*) filter (where m.sentiment = 'NEGATIVE') as negative from listening_mention m"
            + " where m.tenant_id = s.tenant_id and m.source_id = s.id and m.received_at >= $2 and m.received_at < $3) f"
            + " on true";

    /** A due source, claimed by one replica until its lease ends. */
    record Claimed(UUID tenantId, UUID id, UUID communityId, String url, String etag, String lastModified,
            int intervalSeconds, int failures) {
    }

    /** A source the inbound webhook endpoint accepts pushes for. */
    record WebhookSource(UUID tenantId, UUID id, UUID communityId, String secret) {
    }

    Uni<Void> insert(Tx tx, UUID id, NewSource source, int intervalSeconds, String secret) {
        boolean polled = source.kind() != SourceKind.WEBHOOK && source.url() != null;
        return tx.sql().preparedQuery("insert into listening_source (tenant_id, id, kind, name, url, handle,"
                + " community_id, language, tags, reach, status, poll_interval_seconds, next_poll_at, webhook_secret,"
                + " created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'ACTIVE', $11,"
                + " case when $12 then now() end, $13, now())")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), id, source.kind().name(), source.name(), source.url(),
                        source.handle(), source.communityId(), source.language(), source.tags().toArray(String[]::new),
                        source.reach(), intervalSeconds, polled, secret)))
                .replaceWithVoid();
    }

    Uni<Long> count(Tx tx) {
        return tx.sql().preparedQuery("select count(*) from listening_source where tenant_id = $1")
                .execute(Tuple.of(tx.tenantId())).map(rows -> rows.iterator().next().getLong(0));
    }

    Uni<Source> find(Tx tx, UUID id, Instant from, Instant to) {
        return tx.sql().preparedQuery("select " + COLUMNS + ", f.mentions, f.positive, f.negative"
                + " from listening_source s" + FIGURES + " where s.tenant_id = $1 and s.id = $4")
                .execute(Tuple.of(tx.tenantId(), Rows.timestamp(from), Rows.timestamp(to), id))
                .map(rows -> Rows.first(rows, ListeningRepository::source));
    }

    /** The tenant's sources ranked by {@code order} over [from, to), at most {@code limit}. */
    Uni<List<Source>> ranked(Tx tx, SourceOrder order, Instant from, Instant to, int limit) {
        String by = switch (order) {
            case VOLUME -> "f.mentions desc";
            case POSITIVE_SHARE -> "f.positive::float8 / nullif(f.mentions, 0) desc nulls last, f.mentions desc";
            case NEGATIVE_SHARE -> "f.negative::float8 / nullif(f.mentions, 0) desc nulls last, f.mentions desc";
            case REACH -> "s.reach desc nulls last";
        };
        return tx.sql().preparedQuery("select " + COLUMNS + ", f.mentions, f.positive, f.negative"
                + " from listening_source s" + FIGURES + " where s.tenant_id = $1 order by " + by + ", s.id limit $4")
                .execute(Tuple.of(tx.tenantId(), Rows.timestamp(from), Rows.timestamp(to), limit))
                .map(rows -> Rows.all(rows, ListeningRepository::source));
    }

    Uni<Boolean> setStatus(Tx tx, UUID id, SourceStatus status) {
        return tx.sql().preparedQuery("update listening_source set status = $3,"
                + " next_poll_at = case when $3 = 'ACTIVE' and url is not null and kind <> 'WEBHOOK' then now() end,"
                + " consecutive_failures = 0 where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id, status.name())).map(rows -> rows.rowCount() == 1);
    }

    /** Makes a polled source due at once. */
    Uni<Boolean> pollSoon(Tx tx, UUID id) {
        return tx.sql().preparedQuery("update listening_source set next_poll_at = now() where tenant_id = $1"
                + " and id = $2 and status = 'ACTIVE' and url is not null and kind <> 'WEBHOOK'")
                .execute(Tuple.of(tx.tenantId(), id)).map(rows -> rows.rowCount() == 1);
    }

    Uni<List<Mention>> mentions(Tx tx, UUID sourceId, int limit) {
        return tx.sql().preparedQuery("select id, source_id, title, url, author, body, language, sentiment, published_at,"
                + " received_at from listening_mention where tenant_id = $1 and source_id = $2"
                + " order by received_at desc, id desc limit $3")
                .execute(Tuple.of(tx.tenantId(), sourceId, limit))
                .map(rows -> Rows.all(rows, row -> new Mention(row.getUUID(0), row.getUUID(1), row.getString(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7),
                        Rows.instant(row, 8), Rows.instant(row, 9))));
    }

    Uni<List<FetchRecord>> fetches(Tx tx, UUID sourceId, int limit) {
        return tx.sql().preparedQuery("select at, outcome, http_status, new_mentions, error, duration_ms"
                + " from listening_fetch where tenant_id = $1 and source_id = $2 order by at desc, id desc limit $3")
                .execute(Tuple.of(tx.tenantId(), sourceId, limit))
                .map(rows -> Rows.all(rows, row -> new FetchRecord(Rows.instant(row, 0), row.getString(1),
                        row.getInteger(2), row.getInteger(3), row.getString(4), row.getInteger(5))));
    }

    static Uni<Void> declarePoller(Tx tx) {
        return tx.sql().query("select set_config('animo.listening', 'on', true)").execute().replaceWithVoid();
    }

    /** Claims up to {@code limit} due sources of any tenant for {@code leaseSeconds}; those another replica holds are skipped. */
    Uni<List<Claimed>> claimDue(Tx tx, int limit, int leaseSeconds) {
        return declarePoller(tx).chain(() -> tx.sql().preparedQuery("update listening_source s"
                + " set lease_until = now() + make_interval(secs => $2) from (select tenant_id, id from listening_source"
                + "  where status = 'ACTIVE' and url is not null and kind <> 'WEBHOOK' and next_poll_at <= now()"
                + "  and (lease_until is null or lease_until < now()) order by next_poll_at limit $1"
                + "  for update skip locked) due"
                + " where s.tenant_id = due.tenant_id and s.id = due.id"
                + " returning s.tenant_id, s.id, s.community_id, s.url, s.etag, s.last_modified,"
                + " s.poll_interval_seconds, s.consecutive_failures")
                .execute(Tuple.of(limit, leaseSeconds)))
                .map(rows -> Rows.all(rows, row -> new Claimed(row.getUUID(0), row.getUUID(1), row.getUUID(2),
                        row.getString(3), row.getString(4), row.getString(5), row.getInteger(6), row.getInteger(7))));
    }

    Uni<WebhookSource> webhookSource(Tx tx, UUID id) {
        return declarePoller(tx).chain(() -> tx.sql().preparedQuery("select tenant_id, id, community_id, webhook_secret"
                + " from listening_source where id = $1 and kind = 'WEBHOOK' and status = 'ACTIVE'")
                .execute(Tuple.of(id)))
                .map(rows -> Rows.first(rows, row -> new WebhookSource(row.getUUID(0), row.getUUID(1), row.getUUID(2),
                        row.getString(3))));
    }

    /** Which of these entry keys the source already has. */
    Uni<Set<String>> known(Tx tx, UUID sourceId, List<String> keys) {
        return tx.sql().preparedQuery("select entry_key from listening_mention where tenant_id = $1 and source_id = $2"
                + " and entry_key = any($3)").execute(Tuple.of(tx.tenantId(), sourceId, keys.toArray(String[]::new)))
                .map(rows -> {
                    Set<String> known = new HashSet<>();
                    rows.forEach(row -> known.add(row.getString(0)));
                    return known;
                });
    }

    /**
     * Stores the entries the source does not have yet, each with its reading, and counts each new one as a mention
     * (an activity of the source's community, which the metrics and tracked terms pick up). How many were new.
     */
    Uni<Integer> store(Tx tx, UUID sourceId, UUID communityId, List<Entry> entries, List<Sentiment> readings) {
        if (entries.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Object> columns = new ArrayList<>(Arrays.asList(tx.tenantId(), sourceId, communityId,
                entries.stream().map(Entry::key).toArray(String[]::new),
                entries.stream().map(Entry::title).toArray(String[]::new),
                entries.stream().map(Entry::url).toArray(String[]::new),
                entries.stream().map(Entry::author).toArray(String[]::new),
                entries.stream().map(Entry::body).toArray(String[]::new),
                readings.stream().map(Sentiment::language).toArray(String[]::new),
                readings.stream().map(reading -> reading.label().name()).toArray(String[]::new),
                entries.stream().map(entry -> Rows.timestamp(entry.publishedAt()))
                        .toArray(java.time.OffsetDateTime[]::new)));
        return tx.sql().preparedQuery("with entries as (select * from unnest($4::text[], $5::text[], $6::text[],"
                + " $7::text[], $8::text[], $9::text[], $10::text[], $11::timestamptz[])"
                + "  as e (entry_key, title, url, author, body, language, sentiment, published_at)),"
                + " stored as (insert into listening_mention (tenant_id, id, source_id, entry_key, title, url, author,"
                + "  body, language, sentiment, published_at, received_at)"
                + "  select $1, gen_random_uuid(), $2, entry_key, title, url, author, body, language, sentiment,"
                + "  published_at, now() from entries on conflict (tenant_id, source_id, entry_key) do nothing"
                + "  returning id, sentiment, published_at)"
                + " insert into activity (id, tenant_id, community_id, member_id, kind, occurred_at, subject_id, sentiment)"
                + " select gen_random_uuid(), $1, $3, null, 'MENTION_INGESTED', least(coalesce(published_at, now()),"
                + " now()), id, sentiment from stored")
                .execute(Tuple.from(columns)).map(rows -> rows.rowCount());
    }

    /** After a fetch: the validators for the next conditional request, the next poll, and the fetch in the log. */
    Uni<Void> recordFetch(Tx tx, Claimed source, Fetched fetched, int newMentions, long nextPollSeconds,
            int durationMs) {
        Uni<Void> state = fetched.ok()
                ? tx.sql().preparedQuery("update listening_source set etag = coalesce($3, etag),"
                        + " last_modified = coalesce($4, last_modified), consecutive_failures = 0,"
                        + " last_polled_at = now(), next_poll_at = now() + make_interval(secs => $5), lease_until = null"
                        + " where tenant_id = $1 and id = $2")
                        .execute(Tuple.of(tx.tenantId(), source.id(), fetched.etag(), fetched.lastModified(),
                                (double) nextPollSeconds))
                        .replaceWithVoid()
                : tx.sql().preparedQuery("update listening_source set consecutive_failures = consecutive_failures + 1,"
                        + " last_polled_at = now(), last_error = $3, last_error_at = now(),"
                        + " next_poll_at = now() + make_interval(secs => $4), lease_until = null"
                        + " where tenant_id = $1 and id = $2")
                        .execute(Tuple.of(tx.tenantId(), source.id(), fetched.error(), (double) nextPollSeconds))
                        .replaceWithVoid();
        return state.chain(() -> log(tx, source.id(), fetched.outcome(), fetched.httpStatus(), newMentions,
                fetched.error(), durationMs));
    }

    /**
     * Logs a fetch or a push. The log is trimmed to its last {@value #KEPT_FETCHES} after a fetch, and after one push
     * in {@value #TRIM_ONE_PUSH_IN} (a busy webhook source would otherwise spend its time trimming).
     */
    Uni<Void> log(Tx tx, UUID sourceId, String outcome, Integer httpStatus, int newMentions, String error,
            int durationMs) {
        boolean trim = !"RECEIVED".equals(outcome) || ThreadLocalRandom.current().nextInt(TRIM_ONE_PUSH_IN) == 0;
        Uni<Void> logged = tx.sql().preparedQuery("insert into listening_fetch (tenant_id, id, source_id, at, outcome,"
                + " http_status, new_mentions, error, duration_ms)"
                + " values ($1, $2, $3, clock_timestamp(), $4, $5, $6, $7, $8)")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), UUID.randomUUID(), sourceId, outcome, httpStatus,
                        newMentions, error, durationMs)))
                .replaceWithVoid();
        // rows another transaction is trimming are left to it: concurrent pushes never wait on each other
        return !trim
                ? logged
                : logged.chain(() -> tx.sql().preparedQuery("delete from listening_fetch"
                        + " where tenant_id = $1 and id in (select id from listening_fetch where tenant_id = $1"
                        + " and source_id = $2 order by at desc offset $3 for update skip locked)")
                        .execute(Tuple.of(tx.tenantId(), sourceId, KEPT_FETCHES))).replaceWithVoid();
    }

    /**
     * Remembers a push's signature; false when it was seen already (a replay). One push in {@value #TRIM_ONE_PUSH_IN}
     * also forgets those well past the tolerance (they cannot be replayed: their timestamp is refused).
     */
    Uni<Boolean> firstReceipt(Tx tx, UUID sourceId, String signature, int toleranceSeconds) {
        Uni<Void> forget = ThreadLocalRandom.current().nextInt(TRIM_ONE_PUSH_IN) != 0
                ? Uni.createFrom().voidItem()
                : tx.sql().preparedQuery("delete from listening_webhook_receipt where (tenant_id, source_id, signature) in ("
                        + " select tenant_id, source_id, signature from listening_webhook_receipt where tenant_id = $1"
                        + " and source_id = $2 and received_at < now() - make_interval(secs => $3)"
                        + " limit 1000 for update skip locked)")
                        .execute(Tuple.of(tx.tenantId(), sourceId, (double) toleranceSeconds * 2)).replaceWithVoid();
        return forget.chain(() -> tx.sql().preparedQuery("insert into listening_webhook_receipt (tenant_id, source_id,"
                + " signature, received_at) values ($1, $2, $3, now()) on conflict do nothing")
                .execute(Tuple.of(tx.tenantId(), sourceId, signature)))
                .map(rows -> rows.rowCount() == 1);
    }

    private static Source source(Row row) {
        return new Source(row.getUUID(0), SourceKind.valueOf(row.getString(1)), row.getString(2), row.getString(3),
                row.getString(4), row.getUUID(5), row.getString(6), List.of(row.getArrayOfStrings(7)),
                row.getLong(8), SourceStatus.valueOf(row.getString(9)), row.getInteger(10), Rows.instant(row, 11),
                Rows.instant(row, 12), row.getString(13), Rows.instant(row, 14), row.getInteger(15),
                Rows.instant(row, 16), row.getLong(17), row.getLong(18), row.getLong(19));
    }
}
