package io.animo.rule.api;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.GraphQLBoundary;
import io.animo.platform.security.Roles;
import io.animo.rule.domain.PostingContext;
import io.animo.rule.domain.RuleBacktester;
import io.animo.rule.domain.RuleDefinition;
import io.animo.rule.domain.RuleResult;
import io.animo.rule.domain.RuleService;
import io.animo.tenancy.domain.TenantWork;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@GraphQLApi
@GraphQLBoundary
public class RuleGraphQLApi {

    private static final String[] RULE_EDITORS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER, Roles.MODERATOR};

    private static final String[] RULE_WRITERS = {Roles.TENANT_ADMIN, Roles.COMMUNITY_MANAGER};

    private final TenantWork work;
    private final SecurityIdentity identity;
    private final RuleService rules;
    private final RuleBacktester backtester;

    public RuleGraphQLApi(TenantWork work, SecurityIdentity identity, RuleService rules, RuleBacktester backtester) {
        this.work = work;
        this.identity = identity;
        this.rules = rules;
        this.backtester = backtester;
    }

    @Query
    @Description("The rules of one scope, oldest first: the tenant-wide rules, or those of communityId."
            + " At most 200 per scope. Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull List<@NonNull Rule>> rules(@Id String communityId) {
        return work.as(identity, RULE_EDITORS).run((tx, caller) -> {
            if (communityId == null) {
                return rules.list(tx, caller, null);
            }
            return GlobalId.decode(communityId, Rule.COMMUNITY_TYPE)
                    .map(uuid -> rules.list(tx, caller, uuid))
                    .orElseGet(() -> Uni.createFrom().item(List.of()));
        }).map(list -> list.stream().map(Rule::of).toList());
    }

    @Mutation
    @Description("Save a rule for the whole tenant or one community. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull RulePayload> ruleCreate(@NonNull RuleCreateInput input) {
        return work.as(identity, RULE_WRITERS).run((tx, caller) -> {
            if (input.communityId() == null) {
                return rules.create(tx, caller, null, input.rule().toDefinition(null), input.clientMutationId());
            }
            return GlobalId.decode(input.communityId(), Rule.COMMUNITY_TYPE)
                    .map(uuid -> rules.create(tx, caller, uuid, input.rule().toDefinition(null), input.clientMutationId()))
                    .orElseGet(() -> Uni.createFrom().item(RuleResult.notFound("input.communityId", "community")));
        }).map(result -> RulePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Replace a rule (pass the version you read). Roles: tenant-admin, community-manager.")
    public Uni<@NonNull RulePayload> ruleUpdate(@NonNull RuleUpdateInput input) {
        return work.as(identity, RULE_WRITERS).run((tx, caller) -> GlobalId.decode(input.id(), Rule.TYPE)
                .map(uuid -> rules.update(tx, caller, uuid, input.version(), input.rule().toDefinition(null)))
                .orElseGet(() -> Uni.createFrom().item(RuleResult.notFound("input.id", "rule"))))
                .map(result -> RulePayload.of(result, input.clientMutationId()));
    }

    @Mutation
    @Description("Delete a rule. Roles: tenant-admin, community-manager.")
    public Uni<@NonNull RulePayload> ruleDelete(@NonNull RuleDeleteInput input) {
        return work.as(identity, RULE_WRITERS).run((tx, caller) -> GlobalId.decode(input.id(), Rule.TYPE)
                .map(uuid -> rules.delete(tx, caller, uuid))
                .orElseGet(() -> Uni.createFrom().item(RuleResult.notFound("input.id", "rule"))))
                .map(result -> RulePayload.deleted(result, input.id(), input.clientMutationId()));
    }

    @Query
    @Description("What a rule would do to a text, and which span it matched, without saving anything."
            + " Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull RuleTestPayload> ruleTest(@NonNull RuleTestInput input) {
        PostingContext context = input.context() == null
                ? PostingContext.UNKNOWN
                : new PostingContext(
                        input.context().accountAgeHours() == null ? Long.MAX_VALUE : input.context().accountAgeHours(),
                        input.context().recentMessages() == null ? 0 : input.context().recentMessages());
        return work.as(identity, RULE_EDITORS)
                .run((tx, caller) -> rules.test(input.rule().toDefinition("test"), input.text(), context))
                .map(result -> result.userErrors().isEmpty()
                        ? RuleTestPayload.of(result.verdict())
                        : RuleTestPayload.rejected(result.userErrors()));
    }

    @Query
    @Description("Run a saved or draft rule over a community's existing messages since an instant (newest first, up to"
            + " animo.rules.backtest-max-messages): how many it would have caught, how that compares with what moderators"
            + " removed, and examples. Nothing is changed. Roles: tenant-admin, community-manager, moderator.")
    public Uni<@NonNull RuleBacktestPayload> ruleBacktest(@NonNull RuleBacktestInput input) {
        return work.as(identity, RULE_EDITORS).run((tx, caller) -> {
            UUID community = GlobalId.required(input.communityId(), Rule.COMMUNITY_TYPE);
            UUID ruleId = GlobalId.optional(input.ruleId(), Rule.TYPE);
            RuleDefinition draft = input.rule() == null ? null : input.rule().toDefinition("draft");
            return backtester.run(tx, caller, ruleId, draft, community, input.since(), input.maxExamples());
        }).map(RuleBacktestPayload::of);
    }

}
