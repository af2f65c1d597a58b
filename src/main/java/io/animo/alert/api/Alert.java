package io.animo.alert.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.alert.domain.AlertEntity;
import io.animo.alert.domain.AlertKind;
import io.animo.alert.domain.AlertStatus;
import io.animo.platform.graphql.GlobalId;

@Type("Alert")
@Description("A spike in a community's figures, measured on a minute against the hour before it.")
public record Alert(@Id @NonNull String id, @Id @NonNull String communityId, @NonNull AlertKind kind,
        @NonNull AlertStatus status,
        @NonNull @Description("The minute (UTC) of the largest or latest spike seen") Instant minute,
        @NonNull @Description("The value of that minute: a count, or a share between 0 and 1 for NEGATIVE_SHARE_SPIKE") double observed,
        @NonNull @Description("The baseline it departs from: the mean count, or the baseline share") double baseline,
        @NonNull @Description("How far it departs, in standard deviations (z-score)") double deviation,
        @NonNull Instant openedAt, Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
        @Description("The crisis modes applied in response, if any") AlertResponse response,
        @NonNull Instant updatedAt, @NonNull long version) {

    static final String TYPE = "Alert";

    static Alert of(AlertEntity a) {
        return a == null
                ? null
                : new Alert(GlobalId.encode(TYPE, a.id), GlobalId.encode("Community", a.communityId), a.kind, a.status,
                        a.minute, a.observed, a.baseline, a.deviation, a.openedAt, a.acknowledgedAt, a.acknowledgedByName,
                        a.resolvedAt, a.resolvedByName, AlertResponse.of(a), a.updatedAt, a.version);
    }

    @Type("AlertResponse")
    @Description("Crisis modes a response applied to the community (null: left as they were), and when it was undone.")
    public record AlertResponse(Integer slowModeSeconds, Boolean preModeration, Boolean readOnly,
            @NonNull Instant respondedAt, String respondedBy, Instant undoneAt) {

        static AlertResponse of(AlertEntity a) {
            return a.respondedAt == null
                    ? null
                    : new AlertResponse(a.responseSlowModeSeconds, a.responsePreModeration, a.responseReadOnly,
                            a.respondedAt, a.respondedByName, a.responseUndoneAt);
        }
    }
}
