package io.animo.alert.api;

import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.alert.domain.AlertChange;
import io.animo.alert.domain.AlertEvents;
import io.animo.alert.domain.AlertResult;
import io.animo.alert.domain.AlertService;
import io.animo.alert.domain.AlertStatus;
import io.animo.alert.domain.SpikeDetector;
import io.animo.community.domain.CommunityService;
import io.animo.platform.graphql.EventsMissedException;
import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.NotFoundException;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UserError;
import io.animo.platform.persistence.Tx;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantAccess;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class AlertGraphQLApi {

    /** Who watches the alerts: staff and analysts. */
    private static final String[] WATCHERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR, Roles.ANALYST};
    /** Who handles them: staff. */
    private static final String[] RESPONDERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};
    private static final String[] SETTERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};
    private static final String COMMUNITY = "Community";
    /** Events a slow client may fall behind by before its subscription fails. */
    private static final int BUFFER = 1_024;

    private final AlertService alerts;
    private final AlertEvents events;
    private final CommunityService communities;
    private final TenantWork work;
    private final TenantAccess access;
    private final SecurityIdentity identity;
    private final int maxPageSize;

    public AlertGraphQLApi(AlertService alerts, AlertEvents events, CommunityService communities, TenantWork work,
            TenantAccess access, SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize) {
        this.alerts = alerts;
        this.events = events;
        this.communities = communities;
        this.work = work;
        this.access = access;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("Crisis alerts of the tenant, or of one community, newest first; of one status when given."
            + " Roles: tenant-admin, community-manager, moderator, analyst.")
    public Uni<@NonNull AlertConnection> alerts(@Id String communityId, AlertStatus status, Integer first, String after,
            Integer last, String before) {
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return work.as(identity, WATCHERS).run((tx, caller) -> alerts.page(tx, community, status, page))
                .map(AlertConnection::of);
    }

    @Query
    @Description("An alert of the tenant by id; null when there is none. Roles: tenant-admin, community-manager,"
            + " moderator, analyst.")
    public Uni<Alert> alert(@NonNull @Id String id) {
        return work.as(identity, WATCHERS).run((tx, caller) -> GlobalId.decode(id, Alert.TYPE)
                .map(uuid -> alerts.get(tx, uuid).map(Alert::of))
                .orElseGet(() -> Uni.createFrom().nullItem()));
    }

    @Query
    @Description("What counts as a spike for the tenant. Roles: tenant-admin, community-manager, moderator, analyst.")
    public Uni<@NonNull AlertSettings> alertSettings() {
        return work.as(identity, WATCHERS).run((tx, caller) -> alerts.settings(tx)).map(AlertSettings::of);
    }

    @Mutation
    @Description("Take an OPEN alert: it becomes ACKNOWLEDGED, with who and when. Audited."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull AlertPayload> alertAcknowledge(@NonNull AlertActionInput input) {
        return act(input.id(), input.clientMutationId(), (tx, caller) -> id -> alerts.acknowledge(tx, caller, id));
    }

    @Mutation
    @Description("Close an alert: RESOLVED, with who and when; a new spike of its kind opens a new alert. Audited."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull AlertPayload> alertResolve(@NonNull AlertActionInput input) {
        return act(input.id(), input.clientMutationId(), (tx, caller) -> id -> alerts.resolve(tx, caller, id));
    }

    @Mutation
    @Description("The playbook: apply crisis modes (slow mode, pre-moderation, read-only) to the alert's community in"
            + " one audited step, remembering the modes they replace; alertUndoResponse puts those back."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull AlertPayload> alertRespond(@NonNull AlertRespondInput input) {
        return act(input.id(), input.clientMutationId(), (tx, caller) -> id -> alerts.respond(tx, caller, id,
                input.slowModeSeconds(), input.preModeration(), input.readOnly()));
    }

    @Mutation
    @Description("Undo the response of an alert: the community's modes it changed go back to what they were. Audited."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull AlertPayload> alertUndoResponse(@NonNull AlertActionInput input) {
        return act(input.id(), input.clientMutationId(), (tx, caller) -> id -> alerts.undoResponse(tx, caller, id));
    }

    @Mutation
    @Description("Set what counts as a spike for the tenant. Audited. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull AlertSettingsPayload> alertSettingsSet(@NonNull AlertSettingsInput input) {
        SpikeDetector.Settings settings = new SpikeDetector.Settings(input.threshold(), input.minMessages(),
                input.minReports(), input.minJoins());
        return work.as(identity, SETTERS).run((tx, caller) -> alerts.saveSettings(tx, caller, settings))
                .map(result -> AlertSettingsPayload.of(result, input.clientMutationId()));
    }

    @Subscription
    @Description("Alerts as they are raised, in the tenant or one community. Roles: tenant-admin, community-manager,"
            + " moderator, analyst.")
    public Multi<Alert> alertRaised(@Id String communityId) {
        return live(communityId, AlertChange.RAISED);
    }

    @Subscription
    @Description("Alerts as they change: a larger or later spike, acknowledged, responded to, resolved; in the tenant"
            + " or one community. Roles: tenant-admin, community-manager, moderator, analyst.")
    public Multi<Alert> alertUpdated(@Id String communityId) {
        return live(communityId, AlertChange.UPDATED);
    }

    private Uni<AlertPayload> act(String alertId, String clientMutationId,
            BiFunction<Tx, Caller, Function<UUID, Uni<AlertResult>>> step) {
        return work.as(identity, RESPONDERS).run((tx, caller) -> GlobalId.decode(alertId, Alert.TYPE)
                .map(step.apply(tx, caller))
                .orElseGet(() -> Uni.createFrom().item(new AlertResult(null, List.of(UserError.of("input.id",
                        "NOT_FOUND", "No alert of this tenant has this id."))))))
                .map(result -> AlertPayload.of(result, clientMutationId));
    }

    /**
     * The tenant's (or community's) alert events of one kind. A suspended tenant's subscriptions end at their next
     * event; all end (EVENTS_MISSED) when this replica may have missed events, so clients reload the alerts.
     */
    private Multi<Alert> live(String communityId, AlertChange change) {
        UUID community = GlobalId.optional(communityId, COMMUNITY);
        return Multi.createFrom().uni(work.as(identity, WATCHERS).run((tx, caller) -> community == null
                ? Uni.createFrom().item(caller)
                : communities.get(tx, community).map(found -> {
                    if (found == null) {
                        throw new NotFoundException("No community of this tenant has this id.");
                    }
                    return caller;
                })))
                .onItem().transformToMultiAndConcatenate(caller -> EventsMissedException.endingAtGap(events.stream()
                        .filter(event -> event.change() == change && event.alert().tenantId.equals(caller.tenantId())
                                && (community == null || event.alert().communityId.equals(community)))
                        .onOverflow().buffer(BUFFER)
                        .call(event -> access.ensureActive(caller))
                        .map(event -> Alert.of(event.alert())), events.gaps()));
    }
}
