package io.animo.debate.domain;

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

/** A member's choice of one option; a re-vote deletes the member's previous rows of the poll. */
@Entity
@Immutable
@Table(name = "poll_vote")
@IdClass(PollVoteEntity.Key.class)
public class PollVoteEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "thread_id")
    public UUID threadId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Id
    @Column(name = "option_id")
    public UUID optionId;

    @Column(name = "voted_at", nullable = false)
    public Instant votedAt;

    public static class Key implements Serializable {

        public UUID tenantId;
        public UUID threadId;
        public UUID memberId;
        public UUID optionId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId) && Objects.equals(threadId, key.threadId)
                    && Objects.equals(memberId, key.memberId) && Objects.equals(optionId, key.optionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, threadId, memberId, optionId);
        }
    }
}
