package io.animo.tenancy.api;

import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.platform.graphql.BadRequestException;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.tenancy.domain.OrganizationPeople;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The people of an organization tenant, for its admins: Keycloak 26.5 gives an organization's admins no rights of
 * their own, so Animo manages the organization's members and role groups for them. Realm tenants' admins manage
 * their people in their own Keycloak realm (FORBIDDEN here).
 */
@GraphQLApi
@GraphQLBoundary
public class OrganizationPeopleGraphQLApi {

    private static final int MAX_PAGE = 100;
    private static final int MAX_OFFSET = 100_000;
    private static final int MAX_SEARCH = 100;

    private final OrganizationPeople people;
    private final TenantWork work;
    private final SecurityIdentity identity;

    public OrganizationPeopleGraphQLApi(OrganizationPeople people, TenantWork work, SecurityIdentity identity) {
        this.people = people;
        this.work = work;
        this.identity = identity;
    }

    @Query
    @Description("The people of your organization tenant by username, with their roles there; search in names and e-mail"
            + " addresses. Role: tenant-admin.")
    public Uni<@NonNull List<@NonNull OrganizationPerson>> organizationPeople(String search,
            @DefaultValue("0") int offset, @DefaultValue("20") int first) {
        if (offset < 0 || offset > MAX_OFFSET || first < 1 || first > MAX_PAGE) {
            return Uni.createFrom().failure(new BadRequestException("Use offset from 0 to " + MAX_OFFSET
                    + " and first from 1 to " + MAX_PAGE + "."));
        }
        if (search != null && search.length() > MAX_SEARCH) {
            return Uni.createFrom().failure(new BadRequestException("Search with at most " + MAX_SEARCH + " characters."));
        }
        return work.as(identity, Roles.TENANT_ADMIN).caller()
                .chain(caller -> people.list(caller, search, offset, first))
                .map(found -> found.stream().map(OrganizationPerson::of).toList());
    }

    @Mutation
    @Description("Add a new person to your organization tenant with roles (its role groups). Audited. Role: tenant-admin.")
    public Uni<@NonNull OrganizationPersonPayload> organizationPersonAdd(@NonNull OrganizationPersonAddInput input) {
        return work.as(identity, Roles.TENANT_ADMIN).caller()
                .chain(caller -> people.add(caller, new OrganizationPeople.NewPerson(input.username(), input.email(),
                        input.firstName(), input.lastName(), input.roles(), input.password())))
                .map(result -> OrganizationPersonPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Replace a person's roles in your organization tenant (never your own). Audited. Role: tenant-admin.")
    public Uni<@NonNull OrganizationPersonPayload> organizationPersonRolesSet(@NonNull OrganizationPersonRolesSetInput input) {
        return work.as(identity, Roles.TENANT_ADMIN).caller()
                .chain(caller -> people.setRoles(caller, input.username(), input.roles()))
                .map(result -> OrganizationPersonPayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Remove a person from your organization tenant (never yourself); they keep their account and any other"
            + " organization. Audited. Role: tenant-admin.")
    public Uni<@NonNull OrganizationPersonPayload> organizationPersonRemove(@NonNull OrganizationPersonRemoveInput input) {
        return work.as(identity, Roles.TENANT_ADMIN).caller()
                .chain(caller -> people.remove(caller, input.username()))
                .map(result -> OrganizationPersonPayload.of(result, input.clientMutationId()));
    }
}
