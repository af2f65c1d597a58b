package io.animo.community.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A community of one tenant. The table's key is (tenant_id, id); ids are unique on their own too. */
@Entity
@Table(name = "community")
public class CommunityEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public String name;

    /** Key of NAME_ASC ordering and its cursors; always {@link #sortKey(String)} of the name. */
    @Column(name = "sort_name", nullable = false)
    public String sortName;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunityVisibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunityStatus status;

    @Column(name = "created_by_subject", nullable = false, updatable = false)
    public String createdBySubject;

    @Column(name = "created_by_name", nullable = false, updatable = false)
    public String createdByName;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "archived_at")
    public Instant archivedAt;

    /** Minimum seconds between two messages of one member; 0 is off. */
    @Column(name = "slow_mode_seconds", nullable = false)
    public int slowModeSeconds;

    /** Every new post is held for a moderator. */
    @Column(name = "pre_moderation", nullable = false)
    public boolean preModeration;

    /** Nobody posts. */
    @Column(name = "read_only", nullable = false)
    public boolean readOnly;

    /** Read only here: the guideline feature owns it (and changing it must not bump this version). */
    @Column(name = "guidelines_acknowledgement_required", insertable = false, updatable = false)
    public boolean guidelinesAcknowledgementRequired;

    @Version
    public long version;

    public void rename(String newName) {
        name = newName;
        sortName = sortKey(newName);
    }

    public static String sortKey(String name) {
        return name.toLowerCase(java.util.Locale.ROOT);
    }
}
