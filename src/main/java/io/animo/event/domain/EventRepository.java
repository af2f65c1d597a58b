package io.animo.event.domain;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.persistence.Rows;
import io.animo.platform.persistence.Tx;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Events and answers, in plain SQL. Answers to one event are serialised by locking the event's row
 * ({@link #lock}), so the count of GOING never passes the capacity and waitlist places follow arrival order.
 */
@ApplicationScoped
public class EventRepository {

    private static final String COLUMNS = "e.id, e.community_id, e.title, e.description, e.format, e.starts_at,"
            + " e.ends_at, e.time_zone, e.location, e.join_url, e.capacity, e.status, e.created_at,"
            + " (select count(*) filter (where r.answer = 'GOING') from event_rsvp r"
            + "   where r.tenant_id = e.tenant_id and r.event_id = e.id),"
            + " (select count(*) filter (where r.answer = 'MAYBE') from event_rsvp r"
            + "   where r.tenant_id = e.tenant_id and r.event_id = e.id),"
            + " (select count(*) filter (where r.answer = 'WAITLISTED') from event_rsvp r"
            + "   where r.tenant_id = e.tenant_id and r.event_id = e.id),"
            + " (select count(*) filter (where r.checked_in_at is not null) from event_rsvp r"
            + "   where r.tenant_id = e.tenant_id and r.event_id = e.id), e.recurrence, e.remind_before_minutes";

    Uni<Void> insert(Tx tx, UUID id, UUID communityId, NewEvent event) {
        return tx.sql().preparedQuery("insert into event (tenant_id, id, community_id, title, description, format,"
                + " starts_at, ends_at, time_zone, location, join_url, capacity, status, created_at, recurrence,"
                + " remind_before_minutes)"
                + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'SCHEDULED', now(), $13, $14)")
                .execute(Tuple.from(Arrays.asList(tx.tenantId(), id, communityId, event.title(), event.description(),
                        event.format().name(), Rows.timestamp(event.startsAt()), Rows.timestamp(event.endsAt()),
                        event.timeZone(), event.location(), event.joinUrl(), event.capacity(), event.recurrence(),
                        event.remindBeforeMinutes())))
                .replaceWithVoid();
    }

    public Uni<Event> find(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select " + COLUMNS + " from event e where e.tenant_id = $1 and e.id = $2")
                .execute(Tuple.of(tx.tenantId(), id)).map(rows -> Rows.first(rows, EventRepository::event));
    }

    /** The community's events ending after {@code from} (and its series), soonest first, at most {@code limit}. */
    Uni<List<Event>> upcoming(Tx tx, UUID communityId, java.time.Instant from, int limit) {
        return tx.sql().preparedQuery("select " + COLUMNS + " from event e where e.tenant_id = $1"
                + " and e.community_id = $2 and (e.ends_at > $3 or e.recurrence is not null)"
                + " order by e.starts_at, e.id limit $4")
                .execute(Tuple.of(tx.tenantId(), communityId, Rows.timestamp(from), limit))
                .map(rows -> Rows.all(rows, EventRepository::event));
    }

    /** Locks the event for the rest of the transaction: answers to it are given one at a time. */
    Uni<Void> lock(Tx tx, UUID id) {
        return tx.sql().preparedQuery("select 1 from event where tenant_id = $1 and id = $2 for update")
                .execute(Tuple.of(tx.tenantId(), id)).replaceWithVoid();
    }

    Uni<Void> cancel(Tx tx, UUID id) {
        return tx.sql().preparedQuery("update event set status = 'CANCELLED' where tenant_id = $1 and id = $2")
                .execute(Tuple.of(tx.tenantId(), id)).replaceWithVoid();
    }

    Uni<Rsvp> rsvp(Tx tx, UUID eventId, UUID memberId) {
        return tx.sql().preparedQuery("select event_id, member_id, answer, waitlist_position, responded_at,"
                + " checked_in_at from event_rsvp where tenant_id = $1 and event_id = $2 and member_id = $3")
                .execute(Tuple.of(tx.tenantId(), eventId, memberId)).map(rows -> Rows.first(rows, EventRepository::rsvp));
    }

    Uni<Long> going(Tx tx, UUID eventId) {
        return tx.sql().preparedQuery("select count(*) from event_rsvp where tenant_id = $1 and event_id = $2"
                + " and answer = 'GOING'").execute(Tuple.of(tx.tenantId(), eventId))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Sets the member's answer; WAITLISTED takes the next place of the waitlist. */
    Uni<Rsvp> answer(Tx tx, UUID eventId, UUID memberId, RsvpAnswer answer) {
        String position = answer == RsvpAnswer.WAITLISTED
                ? "(select coalesce(max(waitlist_position), 0) + 1 from event_rsvp where tenant_id = $1"
                        + " and event_id = $2 and answer = 'WAITLISTED')"
                : "null::integer";
        return tx.sql().preparedQuery("insert into event_rsvp (tenant_id, event_id, member_id, answer,"
                + " waitlist_position, responded_at) values ($1, $2, $3, $4, " + position + ", now())"
                + " on conflict (tenant_id, event_id, member_id) do update set answer = excluded.answer,"
                + " waitlist_position = excluded.waitlist_position, responded_at = excluded.responded_at"
                + " returning event_id, member_id, answer, waitlist_position, responded_at, checked_in_at")
                .execute(Tuple.of(tx.tenantId(), eventId, memberId, answer.name()))
                .map(rows -> Rows.first(rows, EventRepository::rsvp));
    }

    /** The first of the waitlist becomes GOING; null when nobody waits. */
    Uni<UUID> promoteFirstWaiting(Tx tx, UUID eventId) {
        return tx.sql().preparedQuery("update event_rsvp set answer = 'GOING', waitlist_position = null"
                + " where tenant_id = $1 and event_id = $2 and member_id = (select member_id from event_rsvp"
                + "  where tenant_id = $1 and event_id = $2 and answer = 'WAITLISTED'"
                + "  order by waitlist_position limit 1) returning member_id")
                .execute(Tuple.of(tx.tenantId(), eventId)).map(rows -> Rows.first(rows, row -> row.getUUID(0)));
    }

    /** Checks a GOING member in; null when they have no seat or were already checked in. */
    Uni<Rsvp> checkIn(Tx tx, UUID eventId, UUID memberId) {
        return tx.sql().preparedQuery("update event_rsvp set checked_in_at = now()"
                + " where tenant_id = $1 and event_id = $2 and member_id = $3 and answer = 'GOING'"
                + " and checked_in_at is null"
                + " returning event_id, member_id, answer, waitlist_position, responded_at, checked_in_at")
                .execute(Tuple.of(tx.tenantId(), eventId, memberId)).map(rows -> Rows.first(rows, EventRepository::rsvp));
    }

    /** An event of a tenant whose reminder is due. */
    record DueReminder(UUID tenantId, UUID eventId) {
    }

    /** Events of any tenant whose reminder is due (read across tenants: {@code animo.reminding}). */
    Uni<List<DueReminder>> dueReminders(Tx tx, int limit) {
        return tx.sql().query("select set_config('animo.reminding', 'on', true)").execute()
                .chain(() -> tx.sql().preparedQuery("select tenant_id, id from event where status = 'SCHEDULED'"
                        + " and reminded_at is null and remind_before_minutes is not null and starts_at > now()"
                        + " and starts_at - make_interval(mins => remind_before_minutes) <= now()"
                        + " order by starts_at limit $1").execute(Tuple.of(limit)))
                .map(rows -> Rows.all(rows, row -> new DueReminder(row.getUUID(0), row.getUUID(1))));
    }

    /** Marks the event reminded; false when it was already (another replica got there first). */
    Uni<Boolean> markReminded(Tx tx, UUID eventId) {
        return tx.sql().preparedQuery("update event set reminded_at = now() where tenant_id = $1 and id = $2"
                + " and reminded_at is null and status = 'SCHEDULED'").execute(Tuple.of(tx.tenantId(), eventId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The members going, in the order they answered, at most {@code limit}. */
    Uni<List<UUID>> goingMembers(Tx tx, UUID eventId, int limit) {
        return tx.sql().preparedQuery("select member_id from event_rsvp where tenant_id = $1 and event_id = $2"
                + " and answer = 'GOING' order by responded_at limit $3")
                .execute(Tuple.of(tx.tenantId(), eventId, limit)).map(rows -> Rows.all(rows, row -> row.getUUID(0)));
    }

    /** Messages, distinct active members and joins of the community in [from, to). */
    Uni<EventEngagement> engagement(Tx tx, UUID communityId, java.time.Instant from, java.time.Instant to) {
        return tx.sql().preparedQuery("select count(*) filter (where kind in ('THREAD_CREATED', 'MESSAGE_POSTED',"
                + " 'REPLY_POSTED')), count(distinct member_id) filter (where kind in "
                + io.animo.activity.domain.ActivityKind.byTheMemberSql() + "),"
                + " count(*) filter (where kind = 'MEMBER_JOINED') from activity where tenant_id = $1"
                + " and community_id = $2 and occurred_at >= $3 and occurred_at < $4")
                .execute(Tuple.of(tx.tenantId(), communityId, Rows.timestamp(from), Rows.timestamp(to)))
                .map(rows -> Rows.first(rows, row -> new EventEngagement(from, to, row.getLong(0), row.getLong(1),
                        row.getLong(2))));
    }

    private static Event event(Row row) {
        return new Event(row.getUUID(0), row.getUUID(1), row.getString(2), row.getString(3),
                EventFormat.valueOf(row.getString(4)), Rows.instant(row, 5), Rows.instant(row, 6), row.getString(7),
                row.getString(8), row.getString(9), row.getInteger(10), EventStatus.valueOf(row.getString(11)),
                row.getLong(13), row.getLong(14), row.getLong(15), row.getLong(16), Rows.instant(row, 12),
                row.getString(17), row.getInteger(18));
    }

    private static Rsvp rsvp(Row row) {
        return new Rsvp(row.getUUID(0), row.getUUID(1), RsvpAnswer.valueOf(row.getString(2)), row.getInteger(3),
                Rows.instant(row, 4), Rows.instant(row, 5));
    }
}
