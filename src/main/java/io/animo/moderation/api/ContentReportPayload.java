package io.animo.moderation.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.moderation.domain.ReportResult;
import io.animo.platform.graphql.UserError;

@Type("ContentReportPayload")
public record ContentReportPayload(ContentReport report, @NonNull List<@NonNull UserError> userErrors,
        String clientMutationId) {

    static ContentReportPayload of(ReportResult result, String clientMutationId) {
        return new ContentReportPayload(ContentReport.of(result.report()), result.userErrors(), clientMutationId);
    }
}
