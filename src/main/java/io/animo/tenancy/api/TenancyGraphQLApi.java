package io.animo.tenancy.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.PageRequest;
import io.animo.platform.graphql.UnauthenticatedException;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.KeycloakRealms;
import io.animo.platform.security.Operator;
import io.animo.tenancy.domain.TenantAccess;
import io.animo.tenancy.domain.TenantLimits;
import io.animo.tenancy.domain.TenantResult;
import io.animo.tenancy.domain.TenantService;
import io.animo.tenancy.domain.TenantStatus;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class TenancyGraphQLApi {

    private final TenantService tenants;
    private final TenantAccess access;
    private final KeycloakRealms realms;
    private final SecurityIdentity identity;
    private final int maxPageSize;
    private final int maxComplexity;

    public TenancyGraphQLApi(TenantService tenants, TenantAccess access, KeycloakRealms realms, SecurityIdentity identity,
            @ConfigProperty(name = "animo.graphql.max-page-size") int maxPageSize,
            @ConfigProperty(name = "animo.graphql.max-complexity") int maxComplexity) {
        this.maxComplexity = maxComplexity;
        this.tenants = tenants;
        this.access = access;
        this.realms = realms;
        this.identity = identity;
        this.maxPageSize = maxPageSize;
    }

    @Query
    @Description("Who you are: tenant, profile and realm roles.")
    public Uni<@NonNull Viewer> viewer() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().failure(new UnauthenticatedException());
        }
        String realm = realms.realmOfIssuer(token.getIssuer()).orElseThrow(UnauthenticatedException::new);
        if (realms.isPlatform(realm)) {
            access.requireOperator(identity);
            return Uni.createFrom().item(viewerOf(token, null, shown(identity.getRoles()), true));
        }
        return access.requireMember(identity)
                .chain(caller -> tenants.byId(caller.tenantId())
                        .map(tenant -> viewerOf(token, Tenant.of(tenant), shown(caller.roles()), false)));
    }

    /** Animo's roles, without Keycloak's built-in ones. */
    private static List<String> shown(Set<String> roles) {
        return roles.stream().filter(r -> !r.startsWith("default-roles-") && !r.equals("offline_access")
                && !r.equals("uma_authorization")).sorted().toList();
    }

    @Query
    @Description("All tenants by realm name. Role: platform-admin.")
    public Uni<@NonNull TenantConnection> tenants(Integer first, String after, Integer last, String before) {
        access.requireOperator(identity);
        PageRequest page = PageRequest.of(first, after, last, before, maxPageSize);
        return tenants.page(page).map(TenantConnection::of);
    }

    @Mutation
    @Description("Create a tenant: its Keycloak realm (from the template), its first admin and its row. Role: platform-admin.")
    public Uni<@NonNull TenantProvisionPayload> tenantProvision(@NonNull TenantProvisionInput input) {
        Operator operator = access.requireOperator(identity);
        return tenants.provision(operator, input.draft())
                .map(result -> TenantProvisionPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Block every request of a tenant (TENANT_SUSPENDED) until it is resumed. Role: platform-admin.")
    public Uni<@NonNull TenantStatusPayload> tenantSuspend(@NonNull TenantStatusInput input) {
        return changeStatus(input, TenantStatus.SUSPENDED);
    }

    @Mutation
    @Description("Let a suspended tenant in again. Role: platform-admin.")
    public Uni<@NonNull TenantStatusPayload> tenantResume(@NonNull TenantStatusInput input) {
        return changeStatus(input, TenantStatus.ACTIVE);
    }

    @Mutation
    @Description("Set a tenant's query-cost budgets (per replica): its whole tenant's and each of its callers'. A value"
            + " left out goes back to the default. Role: platform-admin.")
    public Uni<@NonNull TenantStatusPayload> tenantLimitsSet(@NonNull TenantLimitsSetInput input) {
        Operator operator = access.requireOperator(identity);
        TenantLimits limits = new TenantLimits(input.tenantCapacity(), input.tenantRefillPerSecond(), input.callerCapacity(),
                input.callerRefillPerSecond());
        Uni<TenantResult> result = GlobalId.decode(input.tenantId(), Tenant.TYPE)
                .map((UUID id) -> tenants.setLimits(operator, id, limits, maxComplexity))
                .orElseGet(() -> Uni.createFrom().item(new TenantResult(null, null,
                        List.of(UserError.of("input.tenantId", "NOT_FOUND", "No tenant has this id.")))));
        return result.map(r -> TenantStatusPayload.of(r, input.clientMutationId()));
    }

    private Uni<TenantStatusPayload> changeStatus(TenantStatusInput input, TenantStatus status) {
        Operator operator = access.requireOperator(identity);
        Uni<TenantResult> result = GlobalId.decode(input.tenantId(), Tenant.TYPE)
                .map((UUID id) -> tenants.changeStatus(operator, id, status))
                .orElseGet(() -> Uni.createFrom().item(new TenantResult(null, null,
                        List.of(UserError.of("input.tenantId", "NOT_FOUND", "No tenant has this id.")))));
        return result.map(r -> TenantStatusPayload.of(r, input.clientMutationId()));
    }

    private static Viewer viewerOf(JsonWebToken token, Tenant tenant, List<String> roles, boolean operator) {
        String username = token.getClaim("preferred_username");
        return new Viewer(token.getSubject(), username == null ? token.getSubject() : username, token.getClaim("email"),
                token.getClaim("name"), tenant, roles, operator);
    }
}
