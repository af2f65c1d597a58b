package io.animo.guideline.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One guideline of a community; deleted ones stay (soft delete) so their history does too. */
@Entity
@Table(name = "guideline")
public class GuidelineEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "community_id", nullable = false, updatable = false)
    public UUID communityId;

    /** 1-based, contiguous among the community's guidelines that are not deleted. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** 1 when created, one more per edit. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "created_by_subject", nullable = false, updatable = false)
    public String createdBySubject;

    @Column(name = "created_by_name", nullable = false, updatable = false)
    public String createdByName;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by_subject", nullable = false)
    public String updatedBySubject;

    @Column(name = "updated_by_name", nullable = false)
    public String updatedByName;

    @Column(nullable = false)
    public boolean deleted;

    @Version
    public long version;
}
