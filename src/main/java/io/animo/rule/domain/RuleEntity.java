package io.animo.rule.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A saved moderation rule; {@link #matcher} holds the kind-specific fields as JSON. */
@Entity
@Table(name = "moderation_rule")
public class RuleEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    /** Null: the rule applies to every community of the tenant. */
    @Column(name = "community_id", updatable = false)
    public UUID communityId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MatcherKind kind;

    @Column(nullable = false)
    public String matcher;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RuleSeverity severity;

    @Column(name = "mute_minutes")
    public Integer muteMinutes;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_by_subject", nullable = false, updatable = false)
    public String createdBySubject;

    @Column(name = "created_by_name", nullable = false, updatable = false)
    public String createdByName;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
