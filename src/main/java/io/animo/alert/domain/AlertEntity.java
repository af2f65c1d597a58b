package io.animo.alert.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A spike in a community's figures: what spiked (the latest minute seen, its value, its baseline and deviation), who
 * acknowledged and resolved it, and the crisis modes a response applied with the ones they replaced, to undo it.
 */
@Entity
@Table(name = "alert")
public class AlertEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "community_id", nullable = false, updatable = false)
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public AlertKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AlertStatus status;

    @Column(nullable = false)
    public Instant minute;

    @Column(nullable = false)
    public double observed;

    @Column(nullable = false)
    public double baseline;

    @Column(nullable = false)
    public double deviation;

    @Column(name = "opened_at", nullable = false, updatable = false)
    public Instant openedAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by_subject")
    public String acknowledgedBySubject;

    @Column(name = "acknowledged_by_name")
    public String acknowledgedByName;

    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "resolved_by_subject")
    public String resolvedBySubject;

    @Column(name = "resolved_by_name")
    public String resolvedByName;

    @Column(name = "response_slow_mode_seconds")
    public Integer responseSlowModeSeconds;

    @Column(name = "response_pre_moderation")
    public Boolean responsePreModeration;

    @Column(name = "response_read_only")
    public Boolean responseReadOnly;

    @Column(name = "previous_slow_mode_seconds")
    public Integer previousSlowModeSeconds;

    @Column(name = "previous_pre_moderation")
    public Boolean previousPreModeration;

    @Column(name = "previous_read_only")
    public Boolean previousReadOnly;

    @Column(name = "responded_at")
    public Instant respondedAt;

    @Column(name = "responded_by_name")
    public String respondedByName;

    @Column(name = "response_undone_at")
    public Instant responseUndoneAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** A response applied and not undone. */
    public boolean responseActive() {
        return respondedAt != null && responseUndoneAt == null;
    }
}
