package io.animo.guideline.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The guideline columns of a community row, mapped apart from {@code CommunityEntity} so that a
 * guideline change neither bumps the community's version (and fails its editors' updates) nor needs
 * the community feature to know about guidelines. Guideline writers lock this row: changes of one
 * community's guidelines are serialised (positions, the limit and the revision stay consistent).
 */
@Entity
@Table(name = "community")
public class CommunityGuidelinesEntity {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, insertable = false, updatable = false)
    public UUID tenantId;

    /** One more for every create, edit, delete or reorder of the community's guidelines. */
    @Column(name = "guidelines_revision", nullable = false)
    public int revision;

    @Column(name = "guidelines_acknowledgement_required", nullable = false)
    public boolean acknowledgementRequired;
}
