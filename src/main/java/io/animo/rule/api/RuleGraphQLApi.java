package io.animo.rule.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.graphql.UserError;
import io.animo.platform.security.Roles;
import io.animo.rule.domain.CompiledRuleSet;
import io.animo.rule.domain.PostingContext;
import io.animo.rule.domain.RuleDefinition;
import io.animo.rule.domain.RuleLimits;
import io.animo.rule.domain.RuleValidator;
import io.animo.tenancy.domain.TenantAccess;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class RuleGraphQLApi {

    private static final String[] RULE_EDITORS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};

    private final TenantAccess access;
    private final SecurityIdentity identity;

    public RuleGraphQLApi(TenantAccess access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    @Query
    @Description("What a rule would do to a text, and which span it matched, without saving anything."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull RuleTestPayload> ruleTest(@NonNull RuleTestInput input) {
        return access.require(identity, RULE_EDITORS).map(caller -> test(input));
    }

    private static RuleTestPayload test(RuleTestInput input) {
        RuleDefinition rule = input.rule().toDefinition("test");
        List<UserError> errors = new java.util.ArrayList<>(RuleValidator.validate(rule));
        if (input.text().length() > RuleLimits.MAX_TEST_TEXT_LENGTH) {
            errors.add(
                    UserError.of("input.text", "TOO_LONG", "Test at most " + RuleLimits.MAX_TEST_TEXT_LENGTH + " characters."));
        }
        if (!errors.isEmpty()) {
            return RuleTestPayload.rejected(errors);
        }
        PostingContext context = input.context() == null
                ? PostingContext.UNKNOWN
                : new PostingContext(
                        input.context().accountAgeHours() == null ? Long.MAX_VALUE : input.context().accountAgeHours(),
                        input.context().recentMessages() == null ? 0 : input.context().recentMessages());
        // a rule under test runs even when it is saved disabled
        return RuleTestPayload.of(CompiledRuleSet.compile(List.of(withEnabled(rule))).evaluate(input.text(), context));
    }

    private static RuleDefinition withEnabled(RuleDefinition r) {
        return new RuleDefinition(r.id(), r.name(), r.kind(), r.keywords(), r.pattern(), r.denyDomains(), r.allowDomains(),
                r.maxLinks(), r.maxMentions(), r.capsRatio(), r.minLength(), r.maxMessages(), r.windowSeconds(),
                r.minAccountAgeHours(), r.action(), r.severity(), r.muteMinutes(), true);
    }
}
