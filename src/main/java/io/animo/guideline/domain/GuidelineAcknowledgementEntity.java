package io.animo.guideline.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The latest revision of a community's guidelines a member acknowledged. */
@Entity
@Table(name = "guideline_acknowledgement")
@IdClass(GuidelineAcknowledgementEntity.Key.class)
public class GuidelineAcknowledgementEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "community_id")
    public UUID communityId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(nullable = false)
    public int revision;

    @Column(name = "acknowledged_at", nullable = false)
    public Instant acknowledgedAt;

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
