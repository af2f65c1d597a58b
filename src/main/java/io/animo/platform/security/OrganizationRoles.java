package io.animo.platform.security;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * The roles of a person of an organization tenant. Realm roles in the shared organizations realm would hold in
 * every organization of it, so an organization's roles are groups of its own, {@code /<alias>/<role>}, sent in the
 * token's {@code groups} claim (full paths). A verified token of that realm holds exactly the roles of its one
 * organization's groups, and nothing when it names no organization or several; tokens of other realms keep their
 * realm roles. Everything that asks the identity for roles then sees the same thing.
 */
@ApplicationScoped
public class OrganizationRoles implements SecurityIdentityAugmentor {

    private static final Set<String> KNOWN = Set.of(Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR,
            Roles.ANALYST, Roles.MEMBER, Roles.INTEGRATION);

    private final KeycloakRealms realms;

    public OrganizationRoles(KeycloakRealms realms) {
        this.realms = realms;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)
                || !realms.realmOfIssuer(token.getIssuer()).map(realms::isOrganizations).orElse(false)) {
            return Uni.createFrom().item(identity);
        }
        List<String> organizations = KeycloakRealms.organizationsOf(token);
        Set<String> roles = organizations.size() == 1 ? withMember(of(token, organizations.get(0))) : Set.of();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles)
                .build());
    }

    /**
     * Every member of an organization is a {@code member} of its tenant, as every person of a realm tenant is (the
     * realm's default role); the integration account only ingests, there as here.
     */
    private static Set<String> withMember(Set<String> roles) {
        if (roles.contains(Roles.INTEGRATION) || roles.contains(Roles.MEMBER)) {
            return roles;
        }
        Set<String> all = new HashSet<>(roles);
        all.add(Roles.MEMBER);
        return Set.copyOf(all);
    }

    /** The roles a token gives in one organization: the role names of its groups under {@code /<alias>/}. */
    static Set<String> of(JsonWebToken token, String organization) {
        Set<String> groups = token.getGroups();
        if (groups == null) {
            return Set.of();
        }
        String prefix = "/" + organization + "/";
        return groups.stream()
                .filter(group -> group.startsWith(prefix))
                .map(group -> group.substring(prefix.length()))
                .filter(KNOWN::contains)
                .collect(Collectors.toUnmodifiableSet());
    }
}
