package io.animo.event.domain;

import java.time.Instant;
import java.util.UUID;

/** One member's answer to an event; {@code waitlistPosition} is set only while WAITLISTED. */
public record Rsvp(UUID eventId, UUID memberId, RsvpAnswer answer, Integer waitlistPosition, Instant respondedAt,
        Instant checkedInAt) {
}
