package io.animo.webhook.api;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.TenantWork;
import io.animo.webhook.domain.WebhookResult;
import io.animo.webhook.domain.WebhookService;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class WebhookGraphQLApi {

    private final WebhookService webhooks;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public WebhookGraphQLApi(WebhookService webhooks, TenantWork work, SecurityIdentity identity) {
        this.webhooks = webhooks;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("The tenant's webhook endpoints. Role: tenant-admin.")
    public Uni<@NonNull List<@NonNull WebhookEndpointView>> webhookEndpoints() {
        return work.as(identity, Roles.TENANT_ADMIN).run((tx, caller) -> webhooks.endpoints(tx))
                .map(list -> list.stream().map(WebhookEndpointView::of).toList());
    }

    @Query
    @Description("The last deliveries to an endpoint, newest first (at most 100); null when there is no such endpoint."
            + " Role: tenant-admin.")
    public Uni<List<@NonNull WebhookDeliveryView>> webhookDeliveries(@NonNull @Id String endpointId,
            @DefaultValue("20") int first) {
        return work.as(identity, Roles.TENANT_ADMIN).run((tx, caller) -> decode(endpointId)
                .map(id -> webhooks.deliveries(tx, id, first))
                .orElseGet(() -> Uni.createFrom().nullItem()))
                .map(list -> list == null ? null : list.stream().map(WebhookDeliveryView::of).toList());
    }

    @Mutation
    @Description("Register an endpoint: it hears of the event types chosen, each POST signed with the secret this"
            + " payload gives once (header Animo-Signature). Audited. Role: tenant-admin.")
    public Uni<@NonNull WebhookEndpointPayload> webhookEndpointCreate(@NonNull WebhookEndpointCreateInput input) {
        return work.as(identity, Roles.TENANT_ADMIN).caller()
                .chain(ignored -> webhooks.targetProblem(input.url()))
                .chain(problem -> work.as(identity, Roles.TENANT_ADMIN).run((tx, caller) -> webhooks.create(tx, caller,
                        input.url(), input.eventTypes(), problem)))
                .map(result -> WebhookEndpointPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Delete an endpoint: it hears of nothing more, its pending deliveries are dropped, its log stays."
            + " Audited. Role: tenant-admin.")
    public Uni<@NonNull WebhookEndpointPayload> webhookEndpointDelete(@NonNull WebhookEndpointInput input) {
        return work.as(identity, Roles.TENANT_ADMIN).run((tx, caller) -> decode(input.id())
                .map(id -> webhooks.delete(tx, caller, id))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> WebhookEndpointPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Send a webhook.test delivery to this endpoint, through the outbox like any other. Role: tenant-admin.")
    public Uni<@NonNull WebhookEndpointPayload> webhookTest(@NonNull WebhookEndpointInput input) {
        return work.as(identity, Roles.TENANT_ADMIN).run((tx, caller) -> decode(input.id())
                .map(id -> webhooks.test(tx, caller, id))
                .orElseGet(() -> Uni.createFrom().item(unknown())))
                .map(result -> WebhookEndpointPayload.of(result, input.clientMutationId()));
    }

    private static Optional<UUID> decode(String id) {
        return GlobalId.decode(id, WebhookEndpointView.TYPE);
    }

    private static WebhookResult unknown() {
        return WebhookResult.refused("input.id", "NOT_FOUND", "No webhook endpoint of this tenant has this id.");
    }
}
