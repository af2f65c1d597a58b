package io.animo.moderation.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One message waiting for (or having had) a moderator's decision. */
@Entity
@Table(name = "moderation_item")
public class ModerationItemEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "community_id", nullable = false, updatable = false)
    public UUID communityId;

    @Column(name = "message_id", nullable = false, updatable = false)
    public UUID messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemReason reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemStatus status;

    @Column(nullable = false)
    public int priority;

    @Column(name = "report_count", nullable = false)
    public int reportCount;

    @Column(name = "rule_names")
    public String ruleNames;

    @Column(name = "claimed_by_subject")
    public String claimedBySubject;

    @Column(name = "claimed_by_name")
    public String claimedByName;

    @Column(name = "decided_by_subject")
    public String decidedBySubject;

    @Column(name = "decided_by_name")
    public String decidedByName;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decision_note")
    public String decisionNote;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Back in the queue, as if new: nobody's claim, no decision. */
    void reopen() {
        status = ItemStatus.OPEN;
        claimedBySubject = null;
        claimedByName = null;
        decidedBySubject = null;
        decidedByName = null;
        decidedAt = null;
        decisionNote = null;
    }
}
