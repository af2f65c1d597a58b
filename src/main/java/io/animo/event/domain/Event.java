package io.animo.event.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as read, with its answers counted. {@code capacity} null: no limit. {@code recurrence}: an RFC 5545
 * RRULE (the first occurrence is startsAt); {@code remindBeforeMinutes}: when the webhooks hear it is coming.
 */
public record Event(UUID id, UUID communityId, String title, String description, EventFormat format, Instant startsAt,
        Instant endsAt, String timeZone, String location, String joinUrl, Integer capacity, EventStatus status,
        long going, long maybe, long waitlisted, long checkedIn, Instant createdAt, String recurrence,
        Integer remindBeforeMinutes) {
}
