package io.animo.debate.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The poll a POLL thread carries. */
@Entity
@Table(name = "poll")
public class PollEntity {

    @Id
    @Column(name = "thread_id")
    public UUID threadId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "multiple_choice", nullable = false)
    public boolean multipleChoice;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    public boolean closed(Instant now) {
        return !now.isBefore(closesAt);
    }
}
