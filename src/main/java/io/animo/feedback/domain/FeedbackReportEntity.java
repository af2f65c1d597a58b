package io.animo.feedback.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.animo.rule.domain.RuleSeverity;

@Entity
@Table(name = "feedback_report")
public class FeedbackReportEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "community_id", nullable = false, updatable = false)
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackKind kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "message_id")
    public UUID messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleSeverity severity;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public FeedbackStatus status;

    @Column(name = "duplicate_of")
    public UUID duplicateOf;

    @Column(name = "reporter_member_id", nullable = false, updatable = false)
    public UUID reporterMemberId;

    @Column(nullable = false)
    public int votes;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
