package io.animo.rule.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Node;
import io.animo.rule.domain.MatcherKind;
import io.animo.rule.domain.RuleAction;
import io.animo.rule.domain.RuleDefinition;
import io.animo.rule.domain.RuleEntity;
import io.animo.rule.domain.RuleResult;
import io.animo.rule.domain.RuleSeverity;
import io.animo.tenancy.api.Actor;

@Type("Rule")
@Description("A saved automated moderation rule, for the whole tenant or one community. See RuleInput for the fields of each kind.")
public record Rule(
        @Id @NonNull String id,
        @Id @Description("Null: the rule applies to every community of the tenant") String communityId,
        @NonNull String name,
        @NonNull MatcherKind kind,
        List<@NonNull String> keywords,
        String pattern,
        List<@NonNull String> denyDomains,
        List<@NonNull String> allowDomains,
        Integer maxLinks,
        Integer maxMentions,
        Double capsRatio,
        Integer minLength,
        Integer maxMessages,
        Integer windowSeconds,
        Integer minAccountAgeHours,
        @NonNull RuleAction action,
        @NonNull RuleSeverity severity,
        Integer muteMinutes,
        @NonNull boolean enabled,
        @NonNull long version,
        @NonNull Actor createdBy,
        @NonNull Instant createdAt,
        @NonNull Instant updatedAt) implements Node {

    public static final String TYPE = "Rule";
    static final String COMMUNITY_TYPE = "Community";

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    static Rule of(RuleEntity e) {
        if (e == null) {
            return null;
        }
        RuleDefinition d = RuleResult.definitionOf(e);
        return new Rule(GlobalId.encode(TYPE, e.id),
                e.communityId == null ? null : GlobalId.encode(COMMUNITY_TYPE, e.communityId),
                e.name, e.kind, d.keywords(), d.pattern(), d.denyDomains(), d.allowDomains(), d.maxLinks(), d.maxMentions(),
                d.capsRatio(), d.minLength(), d.maxMessages(), d.windowSeconds(), d.minAccountAgeHours(), e.action,
                e.severity, e.muteMinutes, e.enabled, e.version, new Actor(e.createdBySubject, e.createdByName), e.createdAt,
                e.updatedAt);
    }
}
