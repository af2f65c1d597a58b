package io.animo.platform.graphql;

import java.time.Instant;
import java.util.UUID;

/**
 * Keyset paging on (a time, an id), the order most lists use: the condition that continues a page after its
 * cursor, and the order to read the rows in, whether the page goes forward or backward. Queries bind
 * {@code :at} and {@code :cursorId}. {@code ordering} names the list: its cursors carry it, and a cursor of
 * another list is refused.
 */
public final class TimeKeyset {

    private final String ordering;
    private final Cursor cursor;
    private final String time;
    private final String id;
    private final boolean ascending;

    private TimeKeyset(PageRequest page, String ordering, String time, String id, boolean oldestFirst) {
        this.ordering = ordering;
        this.cursor = page.cursor(ordering);
        this.time = time;
        this.id = id;
        this.ascending = oldestFirst != page.backward();
    }

    public static TimeKeyset oldestFirst(PageRequest page, String ordering, String time, String id) {
        return new TimeKeyset(page, ordering, time, id, true);
    }

    public static TimeKeyset newestFirst(PageRequest page, String ordering, String time, String id) {
        return new TimeKeyset(page, ordering, time, id, false);
    }

    /** The cursor a row of {@code ordering} gets. */
    public static Cursor cursorOf(String ordering, Instant at, UUID id) {
        return new Cursor(ordering, at.toString(), id);
    }

    /** The cursor the page continues from; null on a first page. */
    public Cursor cursor() {
        return cursor;
    }

    /** Whether the rows are read in ascending time (a backward page reads the list the other way). */
    public boolean ascending() {
        return ascending;
    }

    /** Rows strictly after the cursor in reading order; use it only when there is a cursor. */
    public String condition() {
        String op = ascending ? ">" : "<";
        return "(" + time + " " + op + " :at or (" + time + " = :at and " + id + " " + op + " :cursorId))";
    }

    public String orderBy() {
        String direction = ascending ? "asc" : "desc";
        return time + " " + direction + ", " + id + " " + direction;
    }

    /** The cursor's time. */
    public Instant at() {
        return cursor.sortInstant();
    }

    public UUID cursorId() {
        return cursor.id();
    }

    String ordering() {
        return ordering;
    }
}
