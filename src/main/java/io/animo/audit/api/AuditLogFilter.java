package io.animo.audit.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;

@Input("AuditLogFilter")
public record AuditLogFilter(String action, @Id String targetId) {
}
