package io.animo.metrics.domain;

import java.util.UUID;

/** A member and what they did in a period: every activity of theirs, and among them messages and reactions. */
public record TopMember(UUID memberId, String displayName, long activities, long messages, long reactions) {
}
