package io.animo.member.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** Who is in which community, with which community role and standing. */
@Entity
@Table(name = "community_membership")
@IdClass(MembershipEntity.Key.class)
public class MembershipEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public CommunityRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberStatus status;

    @Column(name = "muted_until")
    public Instant mutedUntil;

    @Column(name = "banned_until")
    public Instant bannedUntil;

    @Column(name = "joined_at", nullable = false, updatable = false)
    public Instant joinedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Banned at {@code now}: a ban without an end, or one that has not ended. */
    public boolean bannedAt(Instant now) {
        return status == MemberStatus.BANNED && (bannedUntil == null || bannedUntil.isAfter(now));
    }

    /** Muted at {@code now}, whatever the status says: a mute can outlast a timed ban. */
    public boolean mutedAt(Instant now) {
        return mutedUntil != null && mutedUntil.isAfter(now);
    }

    /** Neither banned nor muted: what posting, reacting, voting and community powers need. */
    public boolean inGoodStandingAt(Instant now) {
        return !bannedAt(now) && !mutedAt(now);
    }

    public static class Key implements Serializable {

        public UUID tenantId;
        public UUID communityId;
        public UUID memberId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(communityId, key.communityId) && Objects.equals(memberId, key.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, communityId, memberId);
        }
    }
}
