package io.animo.moderation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A post the rules rejected (the post itself is not stored), for the moderation report. */
@Entity
@Immutable
@Table(name = "rejected_post")
public class RejectedPostEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false)
    public UUID tenantId;

    @Column(name = "community_id", nullable = false)
    public UUID communityId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Column(name = "rule_names", nullable = false)
    public String ruleNames;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
