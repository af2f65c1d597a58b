package io.animo.tenancy.domain;

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
@Table(name = "tenant")
public class TenantEntity {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String realm;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TenantKind kind;

    /** The organization's alias in the organizations realm; null for a realm tenant. */
    public String organization;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TenantStatus status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "cost_tenant_capacity")
    public Integer costTenantCapacity;

    @Column(name = "cost_tenant_refill_per_second")
    public Integer costTenantRefillPerSecond;

    @Column(name = "cost_caller_capacity")
    public Integer costCallerCapacity;

    @Column(name = "cost_caller_refill_per_second")
    public Integer costCallerRefillPerSecond;

    @Version
    public long version;
}
