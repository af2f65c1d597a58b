package io.animo.rule.api;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.rule.domain.RuleService;
import io.animo.tenancy.domain.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class RuleNodeLoader implements NodeLoader {

    private final RuleService rules;
    private final TenantAccess access;

    public RuleNodeLoader(RuleService rules, TenantAccess access) {
        this.rules = rules;
        this.access = access;
    }

    @Override
    public String type() {
        return Rule.TYPE;
    }

    @Override
    public Uni<Rule> load(SecurityIdentity identity, UUID id) {
        return access.require(identity, Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR)
                .chain(caller -> rules.get(caller, id))
                .map(Rule::of);
    }
}
