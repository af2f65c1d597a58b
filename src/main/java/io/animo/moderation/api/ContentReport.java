package io.animo.moderation.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.moderation.domain.ContentReportEntity;
import io.animo.platform.graphql.GlobalId;

@Type("ContentReport")
@Description("A report as its reporter filed it. What moderators do with it is theirs: it shows in their queue, not here.")
public record ContentReport(@Id @NonNull String id, @Id @NonNull String messageId, @NonNull String reason,
        @NonNull Instant createdAt) {

    static final String TYPE = "ContentReport";

    static ContentReport of(ContentReportEntity report) {
        return report == null
                ? null
                : new ContentReport(GlobalId.encode(TYPE, report.id), GlobalId.encode("Message", report.messageId),
                        report.reason, report.createdAt);
    }
}
