package io.animo.content.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "thread")
public class ThreadEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "community_id", nullable = false, updatable = false)
    public UUID communityId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ThreadKind kind;

    @Column(nullable = false)
    public String title;

    @Column(name = "author_member_id", nullable = false, updatable = false)
    public UUID authorMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ContentStatus status;

    @Column(nullable = false)
    public boolean pinned;

    @Column(nullable = false)
    public boolean locked;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
