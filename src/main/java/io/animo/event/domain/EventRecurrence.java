package io.animo.event.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.regex.Pattern;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.io.ParseWarning;
import biweekly.util.Recurrence;
import biweekly.util.com.google.ical.compat.javautil.DateIterator;

/**
 * An event's repetition: an RFC 5545 RRULE ("FREQ=WEEKLY;BYDAY=TU;COUNT=6"), read and expanded by biweekly, in the
 * event's time zone (a weekly meetup at 19:00 in Paris stays at 19:00 across daylight saving changes).
 */
public final class EventRecurrence {

    public static final int MAX_OCCURRENCES = 50;
    private static final Pattern RULE = Pattern.compile("[A-Z0-9=;,:+-]{1,300}");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private EventRecurrence() {
    }

    /** The rule as biweekly reads it; null when it is not a valid RRULE. */
    public static Recurrence parse(String rule, Instant start) {
        if (rule == null || !RULE.matcher(rule).matches()) {
            return null;
        }
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Animo//EN\r\nBEGIN:VEVENT\r\nUID:rule\r\n"
                + "DTSTAMP:" + UTC.format(start) + "\r\nDTSTART:" + UTC.format(start) + "\r\nRRULE:" + rule
                + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        List<List<ParseWarning>> warnings = new ArrayList<>();
        ICalendar calendar = Biweekly.parse(text).warnings(warnings).first();
        if (calendar == null || calendar.getEvents().isEmpty() || warnings.stream().anyMatch(list -> !list.isEmpty())) {
            return null;
        }
        VEvent event = calendar.getEvents().get(0);
        return event.getRecurrenceRule() == null || event.getRecurrenceRule().getValue() == null
                || event.getRecurrenceRule().getValue().getFrequency() == null
                        ? null
                        : event.getRecurrenceRule().getValue();
    }

    /**
     * The starts of the next occurrences from {@code after} on of an event starting at {@code start} in
     * {@code timeZone} and repeating by {@code recurrence} (null: once), at most {@code limit}.
     */
    public static List<Instant> occurrences(String recurrence, Instant start, String timeZone, Instant after,
            int limit) {
        if (recurrence == null) {
            return start.isBefore(after) ? List.of() : List.of(start);
        }
        Recurrence rule = parse(recurrence, start);
        if (rule == null) {
            return List.of();
        }
        DateIterator starts = rule.getDateIterator(Date.from(start), TimeZone.getTimeZone(timeZone));
        starts.advanceTo(Date.from(after));
        List<Instant> found = new ArrayList<>();
        while (starts.hasNext() && found.size() < Math.min(limit, MAX_OCCURRENCES)) {
            found.add(starts.next().toInstant());
        }
        return found;
    }
}
