package io.animo.event.domain;

import java.time.Instant;

/** What a community manager gives to schedule an event (checked by {@link EventService}). */
public record NewEvent(String title, String description, EventFormat format, Instant startsAt, Instant endsAt,
        String timeZone, String location, String joinUrl, Integer capacity, String recurrence,
        Integer remindBeforeMinutes) {
}
