package io.animo.audit.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("AuditEntryEdge")
public record AuditEntryEdge(@NonNull String cursor, @NonNull AuditEntry node) {
}
