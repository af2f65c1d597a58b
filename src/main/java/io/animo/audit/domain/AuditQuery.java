package io.animo.audit.domain;

import java.util.UUID;

import io.animo.platform.graphql.PageRequest;

/** Filter and page of {@code auditLog}; null filters match everything. */
public record AuditQuery(String action, UUID targetId, PageRequest page) {
}
