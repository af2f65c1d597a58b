package io.animo.content.domain;

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

/** One member's reaction of one kind to a message; at most one per member, message and kind. */
@Entity
@Table(name = "message_reaction")
@IdClass(MessageReactionEntity.Key.class)
public class MessageReactionEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Id
    @Column(name = "member_id")
    public UUID memberId;

    @Id
    @Enumerated(EnumType.STRING)
    public ReactionKind kind;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {

        public UUID tenantId;
        public UUID messageId;
        public UUID memberId;
        public ReactionKind kind;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(messageId, key.messageId) && Objects.equals(memberId, key.memberId)
                    && kind == key.kind;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, messageId, memberId, kind);
        }
    }
}
