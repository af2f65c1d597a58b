package io.animo.content.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A previous body of a message: revision n is its n-th body, {@code editedAt} when an edit replaced it. */
@Entity
@Table(name = "message_revision")
@IdClass(MessageRevisionEntity.Key.class)
public class MessageRevisionEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "message_id")
    public UUID messageId;

    @Id
    public int revision;

    @Column(nullable = false)
    public String body;

    @Column(name = "edited_at", nullable = false)
    public Instant editedAt;

    public static class Key implements Serializable {

        public UUID tenantId;
        public UUID messageId;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(messageId, key.messageId) && revision == key.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, messageId, revision);
        }
    }
}
