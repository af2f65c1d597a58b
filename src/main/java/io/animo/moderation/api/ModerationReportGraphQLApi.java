package io.animo.moderation.api;

import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.moderation.domain.ModerationReports;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class ModerationReportGraphQLApi {

    private static final String[] READERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR, Roles.ANALYST};

    private final ModerationReports reports;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public ModerationReportGraphQLApi(ModerationReports reports, TenantWork work, SecurityIdentity identity) {
        this.reports = reports;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("Counts of moderation actions in a period by reason, rule and outcome, and the median time to a decision;"
            + " for the whole tenant, or one community. Roles: tenant-admin, community-manager, moderator, analyst.")
    public Uni<@NonNull ModerationReportView> moderationReport(@NonNull ReportPeriodInput period, @Id String communityId) {
        return work.as(identity, READERS).run((tx, caller) -> {
            UUID community = communityId == null
                    ? null
                    : GlobalId.decode(communityId, "Community").orElse(new UUID(0, 1));
            return reports.report(tx, caller, period.from(), period.to(), community);
        }).map(ModerationReportView::of);
    }
}
