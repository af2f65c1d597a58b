package io.animo.event.domain;

import java.time.Instant;

/** What the event's community did over [from, to): messages, members active by themselves, joins. */
public record EventEngagement(Instant from, Instant to, long messages, long activeMembers, long joins) {
}
