package io.animo.rule.api;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.animo.platform.graphql.NodeLoader;
import io.animo.platform.security.Roles;
import io.animo.rule.domain.RuleService;
import io.animo.tenancy.domain.TenantWork;

/** Rules by global id, for those who read rules. */
@Singleton
public class RuleNodes {

    @Produces
    @Singleton
    NodeLoader rules(RuleService rules, TenantWork work) {
        return work.nodeLoader(Rule.TYPE, (tx, caller, id) -> rules.get(tx, caller, id).map(Rule::of), Roles.TENANT_ADMIN,
                Roles.COMMUNITY_MANAGER, Roles.MODERATOR);
    }
}
