package io.animo.rule.domain;

import java.util.List;

/**
 * One automated moderation rule as a community manager writes it. Which fields matter depends on
 * {@link #kind()}; {@link RuleValidator} says what is missing or wrong.
 */
public record RuleDefinition(
        String id,
        String name,
        MatcherKind kind,
        List<String> keywords,
        String pattern,
        List<String> denyDomains,
        List<String> allowDomains,
        Integer maxLinks,
        Integer maxMentions,
        Double capsRatio,
        Integer minLength,
        Integer maxMessages,
        Integer windowSeconds,
        Integer minAccountAgeHours,
        RuleAction action,
        RuleSeverity severity,
        Integer muteMinutes,
        boolean enabled) {

    /** The same rule, switched on (a rule under test runs even when it is saved disabled). */
    public RuleDefinition enabledCopy() {
        return new RuleDefinition(id, name, kind, keywords, pattern, denyDomains, allowDomains, maxLinks, maxMentions,
                capsRatio, minLength, maxMessages, windowSeconds, minAccountAgeHours, action, severity, muteMinutes, true);
    }

    public List<String> keywordsOrEmpty() {
        return keywords == null ? List.of() : keywords;
    }
}
