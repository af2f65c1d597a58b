package io.animo.metrics.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.metrics.domain.AudienceService;
import io.animo.metrics.domain.CohortPeriod;
import io.animo.metrics.domain.EngagementService;
import io.animo.metrics.domain.Granularity;
import io.animo.metrics.domain.LiveEngagement;
import io.animo.metrics.domain.Metric;
import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantAccess;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class MetricsGraphQLApi {

    /** Staff and analysts (marketing, communication, HR, management) read the metrics. */
    static final String[] READERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR, Roles.ANALYST};
    static final String COMMUNITY = "Community";

    /** The longest window of a live snapshot: one day of minute buckets. */
    static final int MAX_WINDOW_MINUTES = 1_440;

    private final EngagementService engagement;
    private final AudienceService audience;
    private final LiveEngagement live;
    private final TenantWork work;
    private final TenantAccess access;
    private final SecurityIdentity identity;

    public MetricsGraphQLApi(EngagementService engagement, AudienceService audience, LiveEngagement live, TenantWork work,
            TenantAccess access, SecurityIdentity identity) {
        this.engagement = engagement;
        this.audience = audience;
        this.live = live;
        this.work = work;
        this.access = access;
        this.identity = identity;
    }

    @Query
    @Description("Engagement over time for one community (communityId) or the whole tenant (no communityId): every"
            + " metric, the sentiment split and the median time to the first reply to a question, per bucket of"
            + " [from, to), at most 1,000 points. Roles: tenant-admin, community-manager, moderator, analyst.")
    public Uni<@NonNull EngagementSeries> engagement(@Id String communityId, @NonNull Instant from, @NonNull Instant to,
            @NonNull Granularity granularity,
            @DefaultValue("UTC") @Description("IANA time zone in which days and weeks are cut") String timeZone) {
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return work.as(identity, READERS)
                .run((tx, caller) -> engagement.series(tx, community, from, to, granularity, timeZone))
                .map(points -> new EngagementSeries(communityId, granularity, timeZone,
                        points.stream().map(EngagementPoint::of).toList()));
    }

    @Query
    @Description("DAU, WAU, MAU and stickiness around the day `on`, and the new, returning and churned members of the"
            + " 30 days ending with it; of one community or the whole tenant. Roles: tenant-admin, community-manager,"
            + " moderator, analyst.")
    public Uni<@NonNull AudienceFigures> audience(@Id String communityId, @NonNull LocalDate on,
            @DefaultValue("UTC") @Description("IANA time zone in which days are cut") String timeZone) {
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return work.as(identity, READERS).run((tx, caller) -> audience.audience(tx, community, on, timeZone))
                .map(figures -> AudienceFigures.of(communityId, on, timeZone, figures));
    }

    @Query
    @Description("Cohort retention: the last `periods` weeks or months (1 to 52) up to the current one, each with the"
            + " members first active in it and how many were active in each period since. Roles: tenant-admin,"
            + " community-manager, moderator, analyst.")
    public Uni<@NonNull List<@NonNull RetentionCohort>> retention(@Id String communityId, @NonNull CohortPeriod cohort,
            @DefaultValue("12") int periods, @DefaultValue("UTC") String timeZone) {
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return work.as(identity, READERS)
                .run((tx, caller) -> audience.retention(tx, community, cohort, periods, timeZone))
                .map(cohorts -> cohorts.stream().map(RetentionCohort::of).toList());
    }

    @Query
    @Description("The members who did the most in [from, to), most active first (at most 100). Roles: tenant-admin,"
            + " community-manager, moderator, analyst.")
    public Uni<@NonNull List<@NonNull MemberActivity>> topMembers(@Id String communityId, @NonNull Instant from,
            @NonNull Instant to, @DefaultValue("10") int first) {
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return work.as(identity, READERS).run((tx, caller) -> audience.topMembers(tx, community, from, to, first))
                .map(members -> members.stream().map(MemberActivity::of).toList());
    }

    @Query
    @Description("The words most messages of [from, to) use (at most 100 words, 400 days), with the sentiment of"
            + " those messages. Roles: tenant-admin, community-manager, moderator, analyst.")
    public Uni<@NonNull List<@NonNull TermUsage>> topTerms(@Id String communityId, @NonNull Instant from,
            @NonNull Instant to, @DefaultValue("20") int first) {
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return work.as(identity, READERS).run((tx, caller) -> audience.topTerms(tx, community, from, to, first))
                .map(terms -> terms.stream().map(TermUsage::of).toList());
    }

    @Subscription
    @Description("Live engagement of one community (communityId) or the whole tenant: a snapshot of the last"
            + " windowMinutes minutes (1 to 1,440) at once, then at most one per second, only when something changed."
            + " metrics limits the values sent (all when left out). Subscribe again with the resumeToken of the last"
            + " snapshot you saw to get the current one at once only if something changed meanwhile."
            + " Roles: tenant-admin, community-manager, moderator, analyst.")
    public Multi<EngagementUpdate> engagementUpdated(@Id String communityId, List<@NonNull Metric> metrics,
            @DefaultValue("60") int windowMinutes, String resumeToken) {
        if (windowMinutes < 1 || windowMinutes > MAX_WINDOW_MINUTES) {
            return Multi.createFrom().failure(new BadRequestException("windowMinutes is between 1 and "
                    + MAX_WINDOW_MINUTES + "."));
        }
        if (metrics != null && metrics.size() > Metric.values().length) {
            return Multi.createFrom().failure(new BadRequestException("At most " + Metric.values().length + " metrics."));
        }
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return Multi.createFrom().uni(work.as(identity, READERS).caller().call(caller -> community == null
                ? Uni.createFrom().voidItem()
                : live.checkedScope(caller.tenantId(), community,
                        () -> work.in(caller, tx -> engagement.inScope(tx, community)))))
                .onItem().transformToMultiAndConcatenate(caller -> live
                        .subscribe(caller.tenantId(), community, windowMinutes, resumeToken)
                        .call(snapshot -> access.ensureActive(caller)))
                .map(snapshot -> EngagementUpdate.of(snapshot, metrics));
    }
}
