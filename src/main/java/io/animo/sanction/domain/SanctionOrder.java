package io.animo.sanction.domain;

import java.time.Instant;

/** What a sanction asks for, before it is checked against the member and the community. */
public record SanctionOrder(SanctionKind kind, String reason, Instant until) {
}
