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

import org.hibernate.annotations.Immutable;

/** A previous version of a guideline, as its author left it. */
@Entity
@Immutable
@Table(name = "guideline_revision")
@IdClass(GuidelineRevisionEntity.Key.class)
public class GuidelineRevisionEntity {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Id
    @Column(name = "guideline_id")
    public UUID guidelineId;

    @Id
    @Column(name = "revision")
    public int revision;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    @Column(name = "edited_by_subject", nullable = false)
    public String editedBySubject;

    @Column(name = "edited_by_name", nullable = false)
    public String editedByName;

    @Column(name = "edited_at", nullable = false)
    public Instant editedAt;

    static GuidelineRevisionEntity of(GuidelineEntity guideline) {
        GuidelineRevisionEntity previous = new GuidelineRevisionEntity();
        previous.tenantId = guideline.tenantId;
        previous.guidelineId = guideline.id;
        previous.revision = guideline.revision;
        previous.title = guideline.title;
        previous.body = guideline.body;
        previous.editedBySubject = guideline.updatedBySubject;
        previous.editedByName = guideline.updatedByName;
        previous.editedAt = guideline.updatedAt;
        return previous;
    }

    public static class Key implements Serializable {

        public UUID tenantId;
        public UUID guidelineId;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(tenantId, key.tenantId)
                    && Objects.equals(guidelineId, key.guidelineId) && revision == key.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(tenantId, guidelineId, revision);
        }
    }
}
