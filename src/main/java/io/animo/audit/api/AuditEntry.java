package io.animo.audit.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.audit.domain.AuditEntryEntity;
import io.animo.platform.graphql.GlobalId;
import io.animo.tenancy.api.Actor;

@Type("AuditEntry")
@Description("One change, as recorded in the append-only audit log.")
public record AuditEntry(
        @Id @NonNull String id,
        @NonNull Instant occurredAt,
        @NonNull Actor actor,
        @NonNull @Description("e.g. COMMUNITY_CREATED, RULE_UPDATED, RULE_DELETED") String action,
        @NonNull @Description("Type of the changed object, e.g. Community, Rule") String targetType,
        @Id @NonNull @Description("Global id of the changed object (it may no longer exist)") String targetId,
        @NonNull String summary) {

    static final String TYPE = "AuditEntry";

    static AuditEntry of(AuditEntryEntity e) {
        return new AuditEntry(GlobalId.encode(TYPE, e.id), e.occurredAt, new Actor(e.actorSubject, e.actorName), e.action,
                e.targetType, GlobalId.encode(e.targetType, e.targetId), e.summary);
    }
}
