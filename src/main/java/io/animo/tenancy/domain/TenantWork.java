package io.animo.tenancy.domain;

import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.Node;
import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.persistence.Tx;
import io.animo.platform.persistence.UnitOfWork;
import io.animo.platform.security.Caller;
import io.animo.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Where resolvers enter a unit of work: the caller is authorized ({@link TenantAccess}), then the work runs in a
 * unit of work of their tenant, and the services it calls take its {@link Tx}. Services never enter units.
 *
 * <pre>
 * return work.as(identity, Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER)
 *         .run((tx, caller) -&gt; communities.create(tx, caller, input.draft(), input.clientMutationId()));
 * </pre>
 */
@ApplicationScoped
public class TenantWork {

    private final TenantAccess access;
    private final UnitOfWork units;

    public TenantWork(TenantAccess access, UnitOfWork units) {
        this.access = access;
        this.units = units;
    }

    /** A person of an active tenant holding one of {@code roles}. */
    public Authorized as(SecurityIdentity identity, String... roles) {
        return new Authorized(identity, roles);
    }

    /** Any person of an active tenant. */
    public Authorized asMember(SecurityIdentity identity) {
        return new Authorized(identity, Roles.ANY_TENANT_ROLE);
    }

    /** A unit of work for a caller already authorized (the nested fields of a page, loaded in batches). */
    public <T> Uni<T> in(Caller caller, Function<Tx, Uni<T>> work) {
        return units.inTenant(caller.tenantId(), work);
    }

    /** A unit of work in a tenant, for what no person asks (a subscription's reload, seeding). */
    public <T> Uni<T> inTenant(UUID tenantId, Function<Tx, Uni<T>> work) {
        return units.inTenant(tenantId, work);
    }

    /** A {@code node(id:)} loader of {@code type}: the caller holds one of {@code roles}, then finds it in their tenant. */
    public NodeLoader nodeLoader(String type, NodeFinder find, String... roles) {
        return NodeLoader.of(type, (identity, id) -> as(identity, roles).run((tx, caller) -> find.find(tx, caller, id)));
    }

    /** Finds one node by id inside the caller's unit of work (null when there is none for them). */
    @FunctionalInterface
    public interface NodeFinder {
        Uni<? extends Node> find(Tx tx, Caller caller, UUID id);
    }

    /** An authorization still to check, and the work to run once it holds. */
    public final class Authorized {

        private final SecurityIdentity identity;
        private final String[] roles;

        private Authorized(SecurityIdentity identity, String[] roles) {
            this.identity = identity;
            this.roles = roles;
        }

        /** Checks the caller, then runs {@code work} in a unit of work of their tenant. */
        public <T> Uni<T> run(BiFunction<Tx, Caller, Uni<T>> work) {
            return access.require(identity, roles).chain(caller -> units.inTenant(caller.tenantId(), tx -> work.apply(tx,
                    caller)));
        }

        /** Checks the caller, without any database work (what they may see is known from the token alone). */
        public Uni<Caller> caller() {
            return access.require(identity, roles);
        }
    }
}
