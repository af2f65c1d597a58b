package io.animo.tenancy.domain;

public enum TenantStatus {
    ACTIVE, SUSPENDED
}
