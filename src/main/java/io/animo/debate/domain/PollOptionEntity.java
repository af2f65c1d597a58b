package io.animo.debate.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One answer of a poll. */
@Entity
@Immutable
@Table(name = "poll_option")
public class PollOptionEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "thread_id", nullable = false)
    public UUID threadId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String label;
}
