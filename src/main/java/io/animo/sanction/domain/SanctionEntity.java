package io.animo.sanction.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A warning, mute or ban of a member in one community, until it ends or is lifted. */
@Entity
@Table(name = "sanction")
public class SanctionEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "community_id", nullable = false, updatable = false)
    public UUID communityId;

    @Column(name = "member_id", nullable = false, updatable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public SanctionKind kind;

    @Column(nullable = false, updatable = false)
    public String reason;

    /** Null for a warning and for a permanent ban. */
    @Column(name = "ends_at", updatable = false)
    public Instant endsAt;

    @Column(name = "moderation_item_id", updatable = false)
    public UUID moderationItemId;

    @Column(name = "issued_by_subject", nullable = false, updatable = false)
    public String issuedBySubject;

    @Column(name = "issued_by_name", nullable = false, updatable = false)
    public String issuedByName;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lifted_by_subject")
    public String liftedBySubject;

    @Column(name = "lifted_by_name")
    public String liftedByName;

    @Column(name = "lift_note")
    public String liftNote;

    @Version
    public long version;

    /** In force: not lifted and not over (a warning stays on record until lifted). */
    public boolean activeAt(Instant now) {
        return liftedAt == null && (endsAt == null || endsAt.isAfter(now));
    }
}
