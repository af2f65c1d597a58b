package io.animo.platform.graphql;

import java.time.Instant;
import java.util.UUID;

/**
 * Keyset paging on a score first, highest first (a queue's priority, a report's votes), then on (a time,
 * an id) as {@link TimeKeyset}. The one place that writes and reads such cursors ({@code score|time}), so
 * a malformed or foreign one is BAD_REQUEST everywhere. Queries bind {@code :score}, {@code :at} and
 * {@code :cursorId}.
 */
public final class ScoreTimeKeyset {

    private final String score;
    private final TimeKeyset time;
    private final boolean scoreAscending;
    private final int cursorScore;
    private final Instant cursorAt;

    private ScoreTimeKeyset(PageRequest page, String score, TimeKeyset time) {
        this.score = score;
        this.time = time;
        this.scoreAscending = page.backward();
        Cursor cursor = time.cursor();
        if (cursor == null) {
            cursorScore = 0;
            cursorAt = null;
        } else {
            String[] parts = cursor.sortParts(2);
            cursorScore = Cursor.integer(parts[0]);
            cursorAt = Cursor.instant(parts[1]);
        }
    }

    /** Highest score first, then oldest first (a moderation queue by priority). */
    public static ScoreTimeKeyset highestThenOldest(PageRequest page, String ordering, String score, String time, String id) {
        return new ScoreTimeKeyset(page, score, TimeKeyset.oldestFirst(page, ordering, time, id));
    }

    /** Highest score first, then newest first (reports by votes). */
    public static ScoreTimeKeyset highestThenNewest(PageRequest page, String ordering, String score, String time, String id) {
        return new ScoreTimeKeyset(page, score, TimeKeyset.newestFirst(page, ordering, time, id));
    }

    public static Cursor cursorOf(String ordering, int score, Instant at, UUID id) {
        return new Cursor(ordering, score + "|" + at, id);
    }

    /** Whether the page continues from a cursor ({@link #condition()} and the parameters apply). */
    public boolean hasCursor() {
        return time.cursor() != null;
    }

    public String condition() {
        String op = scoreAscending ? ">" : "<";
        return "(" + score + " " + op + " :score or (" + score + " = :score and " + time.condition() + "))";
    }

    public String orderBy() {
        return score + (scoreAscending ? " asc" : " desc") + ", " + time.orderBy();
    }

    public int score() {
        return cursorScore;
    }

    public Instant at() {
        return cursorAt;
    }

    public UUID cursorId() {
        return time.cursorId();
    }
}
