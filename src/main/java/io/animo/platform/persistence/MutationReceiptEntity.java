package io.animo.platform.persistence;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** Which entity a create with a given {@code clientMutationId} produced. */
@Entity
@Table(name = "mutation_receipt")
@IdClass(MutationReceiptEntity.Key.class)
public class MutationReceiptEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "caller_subject")
    public String callerSubject;

    @Id
    public String operation;

    @Id
    @Column(name = "client_mutation_id")
    public String clientMutationId;

    @Column(name = "entity_id", nullable = false)
    public UUID entityId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static class Key implements Serializable {

        public UUID tenantId;
        public String callerSubject;
        public String operation;
        public String clientMutationId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(callerSubject, key.callerSubject) && Objects.equals(operation, key.operation)
                    && Objects.equals(clientMutationId, key.clientMutationId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, callerSubject, operation, clientMutationId);
        }
    }
}
