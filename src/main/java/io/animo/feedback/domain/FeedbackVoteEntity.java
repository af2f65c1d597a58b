package io.animo.feedback.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** One member's vote for a report; at most one per member and report. */
@Entity
@Immutable
@Table(name = "feedback_vote")
@IdClass(FeedbackVoteEntity.Key.class)
public class FeedbackVoteEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "report_id")
    public UUID reportId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {

        public UUID tenantId;
        public UUID reportId;
        public UUID memberId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && Objects.equals(reportId, key.reportId)
                    && Objects.equals(memberId, key.memberId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, reportId, memberId);
        }
    }
}
