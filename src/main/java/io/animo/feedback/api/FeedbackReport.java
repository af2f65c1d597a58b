package io.animo.feedback.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.feedback.domain.FeedbackKind;
import io.animo.feedback.domain.FeedbackReportEntity;
import io.animo.feedback.domain.FeedbackStatus;
import io.animo.platform.graphql.GlobalId;
import io.animo.rule.domain.RuleSeverity;

@Type("FeedbackReport")
public record FeedbackReport(@Id @NonNull String id, @Id @NonNull String communityId, @NonNull FeedbackKind kind,
        @NonNull String title, @NonNull String body, @Id String messageId, @NonNull RuleSeverity severity,
        @NonNull FeedbackStatus status, @Id String duplicateOfId, @Id @NonNull String reporterId, @NonNull int votes,
        @NonNull Instant createdAt, @NonNull Instant updatedAt) {

    static final String TYPE = "FeedbackReport";

    static FeedbackReport of(FeedbackReportEntity r) {
        return r == null
                ? null
                : new FeedbackReport(GlobalId.encode(TYPE, r.id), GlobalId.encode("Community", r.communityId), r.kind, r.title,
                        r.body, r.messageId == null ? null : GlobalId.encode("Message", r.messageId), r.severity, r.status,
                        r.duplicateOf == null ? null : GlobalId.encode(TYPE, r.duplicateOf),
                        GlobalId.encode("Member", r.reporterMemberId), r.votes, r.createdAt, r.updatedAt);
    }
}
