package io.animo.rule.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.rule.domain.MatcherKind;
import io.animo.rule.domain.RuleAction;
import io.animo.rule.domain.RuleDefinition;
import io.animo.rule.domain.RuleSeverity;

@Input("RuleInput")
@Description("An automated moderation rule. Which fields apply depends on kind: KEYWORDS keywords; REGEX pattern (RE2 syntax,"
        + " linear time, no back-references); LINKS denyDomains, allowDomains, maxLinks; MENTIONS maxMentions;"
        + " CAPS capsRatio, minLength; FLOOD maxMessages in windowSeconds; ACCOUNT_AGE minAccountAgeHours.")
public record RuleInput(
        @NonNull String name,
        @NonNull MatcherKind kind,
        @Description("Matched as whole words, ignoring case, accents, look-alike letters, leetspeak and repeated letters") List<String> keywords,
        String pattern,
        List<String> denyDomains,
        @Description("When set, a link to any other domain fires the rule") List<String> allowDomains,
        Integer maxLinks,
        Integer maxMentions,
        @Description("Share of capital letters (0-1] at or above which the rule fires") Double capsRatio,
        @Description("Minimum number of letters before the capitals rule applies (default 10)") Integer minLength,
        Integer maxMessages,
        Integer windowSeconds,
        Integer minAccountAgeHours,
        @NonNull RuleAction action,
        RuleSeverity severity,
        @Description("For action MUTE: how long the author is muted") Integer muteMinutes,
        Boolean enabled) {

    RuleDefinition toDefinition(String id) {
        return new RuleDefinition(id, name, kind, keywords, pattern, denyDomains, allowDomains, maxLinks, maxMentions,
                capsRatio, minLength, maxMessages, windowSeconds, minAccountAgeHours, action,
                severity == null ? RuleSeverity.MEDIUM : severity, muteMinutes, enabled == null || enabled);
    }
}
