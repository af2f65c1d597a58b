package io.animo.feedback.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.feedback.domain.FeedbackReportEntity;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageInfo;

@Type("FeedbackReportConnection")
public record FeedbackReportConnection(@NonNull List<@NonNull FeedbackReportEdge> edges, @NonNull PageInfo pageInfo) {

    @Type("FeedbackReportEdge")
    public record FeedbackReportEdge(@NonNull String cursor, @NonNull FeedbackReport node) {
    }

    static FeedbackReportConnection of(Page<FeedbackReportEntity> page) {
        return new FeedbackReportConnection(page.edges((cursor, r) -> new FeedbackReportEdge(cursor, FeedbackReport.of(r))),
                page.pageInfo());
    }
}
