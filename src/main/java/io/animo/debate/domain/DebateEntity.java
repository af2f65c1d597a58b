package io.animo.debate.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The debate a DEBATE thread carries: its theme, opening statement and the window when replies are open. */
@Entity
@Table(name = "debate")
public class DebateEntity {

    @Id
    @Column(name = "thread_id")
    public UUID threadId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String theme;

    @Column(name = "opening_statement", nullable = false)
    public String openingStatement;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    public DebateState state(Instant now) {
        return now.isBefore(opensAt) ? DebateState.UPCOMING : now.isBefore(closesAt) ? DebateState.OPEN : DebateState.CLOSED;
    }
}
