package io.animo.feedback.api;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.feedback.domain.FeedbackKind;
import io.animo.feedback.domain.FeedbackOrder;
import io.animo.feedback.domain.FeedbackResult;
import io.animo.feedback.domain.FeedbackService;
import io.animo.feedback.domain.FeedbackStatus;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.Page;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class FeedbackGraphQLApi {

    private static final String[] TRIAGERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};

    private final FeedbackService feedback;
    private final TenantWork work;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public FeedbackGraphQLApi(FeedbackService feedback, TenantWork work, SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.feedback = feedback;
        this.work = work;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("Bug reports and suggestions of a community, most voted or newest first. Every role of the tenant.")
    public Uni<@NonNull FeedbackReportConnection> feedbackReports(@NonNull @Id String communityId, FeedbackStatus status,
            FeedbackKind kind, @DefaultValue("VOTES") FeedbackOrder orderBy, Integer first, String after, Integer last,
            String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(communityId, "Community")
                .map(uuid -> feedback.list(tx, caller, uuid, status, kind, orderBy, page))
                .orElseGet(() -> Uni.createFrom().item(Page.empty())))
                .map(FeedbackReportConnection::of);
    }

    @Mutation
    @Description("Report a bug or suggest something, optionally about a message. Members of the tenant who joined a community.")
    public Uni<@NonNull FeedbackReportPayload> feedbackReportCreate(@NonNull FeedbackReportCreateInput input) {
        UUID message = GlobalId.optional(input.messageId(), "Message");
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(input.communityId(), "Community")
                .map(uuid -> feedback.create(tx, caller, uuid, input.kind(), input.title(), input.body(), message,
                        input.severity()))
                .orElseGet(() -> Uni.createFrom().item(FeedbackResult.refused("input.communityId", "NOT_FOUND",
                        "No community of this tenant has this id."))))
                .map(result -> FeedbackReportPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Vote for a report, once. Every role of the tenant.")
    public Uni<@NonNull FeedbackReportPayload> feedbackVote(@NonNull FeedbackVoteInput input) {
        return work.asMember(identity).run((tx, caller) -> GlobalId.decode(input.id(), FeedbackReport.TYPE)
                .map(uuid -> feedback.vote(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> FeedbackReportPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Move a report through NEW, CONFIRMED, IN_PROGRESS, FIXED, WONT_FIX or DUPLICATE (of duplicateOfId)."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull FeedbackReportPayload> feedbackReportTriage(@NonNull FeedbackReportTriageInput input) {
        UUID duplicateOf = GlobalId.optional(input.duplicateOfId(), FeedbackReport.TYPE);
        return work.as(identity, TRIAGERS).run((tx, caller) -> GlobalId.decode(input.id(), FeedbackReport.TYPE)
                .map(uuid -> feedback.triage(tx, caller, uuid, input.status(), duplicateOf))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> FeedbackReportPayload.of(result, input.clientMutationId()));
    }

    private static FeedbackResult unknown() {
        return FeedbackResult.refused("input.id", "NOT_FOUND", "No report of this tenant has this id.");
    }
}
