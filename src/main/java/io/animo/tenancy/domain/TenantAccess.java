package io.animo.tenancy.domain;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.animo.platform.graphql.ForbiddenException;
import io.animo.platform.graphql.Node;
import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.graphql.TenantSuspendedException;
import io.animo.platform.graphql.UnauthenticatedException;
import io.animo.platform.security.Caller;
import io.animo.platform.security.KeycloakRealms;
import io.animo.platform.security.Operator;
import io.animo.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The authorization check every resolver starts with: who is calling, for which tenant, and may
 * they do this. Failures are GraphQL errors with {@code UNAUTHENTICATED}, {@code FORBIDDEN} or
 * {@code TENANT_SUSPENDED}.
 */
@ApplicationScoped
public class TenantAccess {

    private static final int MAX_NAME = 200;

    private final KeycloakRealms realms;
    private final TenantDirectory directory;

    public TenantAccess(KeycloakRealms realms, TenantDirectory directory) {
        this.realms = realms;
        this.directory = directory;
    }

    /** A caller of an active tenant holding at least one of {@code roles}. */
    public Uni<Caller> require(SecurityIdentity identity, String... roles) {
        JsonWebToken token = tokenOf(identity);
        String realm = realms.realmOfIssuer(token.getIssuer()).orElseThrow(UnauthenticatedException::new);
        if (realms.isPlatform(realm)) {
            return Uni.createFrom().failure(new ForbiddenException("Operators of the platform realm have no tenant data."));
        }
        String key = tenantKeyOf(token, realm);
        // read from the request's identity now, not in the callback below
        Set<String> held = Set.copyOf(identity.getRoles());
        return directory.byKey(key).map(tenant -> {
            TenantRecord found = tenant.orElseThrow(() -> new ForbiddenException(realms.isOrganizations(realm)
                    ? "This organization is not an Animo tenant."
                    : "This realm is not an Animo tenant."));
            if (found.status() == TenantStatus.SUSPENDED) {
                throw new TenantSuspendedException();
            }
            Caller caller = toCaller(held, token, found);
            if (caller.hasAnyRole(Roles.INTEGRATION) && !List.of(roles).contains(Roles.INTEGRATION)) {
                throw new ForbiddenException("The integration account only ingests content.");
            }
            if (!caller.hasAnyRole(roles)) {
                throw new ForbiddenException("This needs one of the roles " + String.join(", ", roles) + ".");
            }
            return caller;
        });
    }

    private String tenantKeyOf(JsonWebToken token, String realm) {
        if (!realms.isOrganizations(realm)) {
            return realm;
        }
        List<String> organizations = KeycloakRealms.organizationsOf(token);
        if (organizations.size() != 1) {
            throw new ForbiddenException(organizations.isEmpty()
                    ? "This token names no organization: sign in with the scope organization (or organization:<alias>)."
                    : "This token names several organizations: sign in with the scope organization:<alias> of one.");
        }
        return KeycloakRealms.tenantKey(realm, organizations.get(0));
    }

    /** Fails with TENANT_SUSPENDED once the caller's tenant is suspended (checked against the cached directory). */
    public Uni<Void> ensureActive(Caller caller) {
        return directory.byKey(caller.tenantKey()).map(tenant -> {
            if (tenant.isEmpty() || tenant.get().status() == TenantStatus.SUSPENDED) {
                throw new TenantSuspendedException();
            }
            return null;
        });
    }

    /** Any person of an active tenant. */
    public Uni<Caller> requireMember(SecurityIdentity identity) {
        return require(identity, Roles.ANY_TENANT_ROLE);
    }

    /** A {@code node(id:)} loader of {@code type}: the caller holds one of {@code roles}, then finds it in their tenant. */
    public NodeLoader nodeLoader(String type, BiFunction<Caller, UUID, Uni<? extends Node>> find, String... roles) {
        return NodeLoader.of(type, (identity, id) -> require(identity, roles).chain(caller -> find.apply(caller, id)));
    }

    public Operator requireOperator(SecurityIdentity identity) {
        String realm = realmOf(identity);
        if (!realms.isPlatform(realm) || !identity.hasRole(Roles.PLATFORM_ADMIN)) {
            throw new ForbiddenException("This needs the platform-admin role of the platform realm.");
        }
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        return new Operator(token.getSubject(), token.getClaim("preferred_username"));
    }

    private String realmOf(SecurityIdentity identity) {
        return realms.realmOfIssuer(tokenOf(identity).getIssuer()).orElseThrow(UnauthenticatedException::new);
    }

    private static JsonWebToken tokenOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            throw new UnauthenticatedException();
        }
        return token;
    }

    private static Caller toCaller(Set<String> roles, JsonWebToken token, TenantRecord tenant) {
        String username = firstPresent(token.getClaim("preferred_username"), token.getSubject());
        String name = firstPresent(token.getClaim("name"), username);
        // for an organization, the identity holds its role groups (OrganizationRoles)
        return new Caller(tenant.id(), tenant.key(), token.getSubject(), cap(username), token.getClaim("email"), cap(name),
                roles);
    }

    private static String firstPresent(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    // names come from the tenant's realm, whose limits the tenant admin controls
    private static String cap(String text) {
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
    }
}
