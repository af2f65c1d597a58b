package io.animo.moderation.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** A member's report as they filed it (never the queue item it feeds: that is the moderators'), or what to fix first. */
public record ReportResult(ContentReportEntity report, List<UserError> userErrors) {

    static ReportResult refused(String field, String code, String message) {
        return new ReportResult(null, List.of(UserError.of(field, code, message)));
    }
}
