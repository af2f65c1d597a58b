package io.animo.moderation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A member's report of a message; one per member and message. */
@Entity
@Immutable
@Table(name = "content_report")
public class ContentReportEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "message_id", nullable = false)
    public UUID messageId;

    @Column(name = "reporter_member_id", nullable = false)
    public UUID reporterMemberId;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
