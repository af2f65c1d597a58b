package io.animo.metrics.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The width of the points of a series. Weeks start on Monday (ISO). */
public enum Granularity {
    MINUTE(Duration.ofMinutes(1)), HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1)), WEEK(Duration.ofDays(7));

    private final Duration length;

    Granularity(Duration length) {
        this.length = length;
    }

    /** The bucket width in PostgreSQL's {@code date_trunc} words. */
    String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The start of the bucket holding {@code at}, in {@code zone} (minutes and hours are the same everywhere). */
    ZonedDateTime floor(ZonedDateTime at) {
        return switch (this) {
            case MINUTE -> at.truncatedTo(ChronoUnit.MINUTES);
            case HOUR -> at.truncatedTo(ChronoUnit.HOURS);
            case DAY -> at.truncatedTo(ChronoUnit.DAYS);
            case WEEK -> at.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        };
    }

    ZonedDateTime next(ZonedDateTime start) {
        return this == WEEK ? start.plusWeeks(1) : this == DAY ? start.plusDays(1) : start.plus(length);
    }

    /** How many points {@code [from, to)} has at most. */
    long pointsBetween(Instant from, Instant to) {
        return Math.max(0, (Duration.between(from, to).toMillis() + length.toMillis() - 1) / length.toMillis()) + 1;
    }

    /** The starts of the buckets that hold {@code [from, to)}, cut in {@code zone}. */
    List<Instant> starts(Instant from, Instant to, ZoneId zone) {
        List<Instant> starts = new ArrayList<>();
        for (ZonedDateTime at = floor(from.atZone(zone)); at.toInstant().isBefore(to); at = next(at)) {
            starts.add(at.toInstant());
        }
        return starts;
    }

    static ZoneId utc() {
        return ZoneId.of("UTC");
    }
}
