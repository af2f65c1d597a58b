package io.animo.rule.domain;

import java.util.ArrayList;
import java.util.List;

import com.google.re2j.PatternSyntaxException;

import io.animo.platform.graphql.UserError;

/** Checks a rule before it is tested or saved; each problem is one {@link UserError} on {@code input.rule.*}. */
public final class RuleValidator {

    private static final String F = "input.rule.";
    private static final int MAX_DOMAIN_LENGTH = 253;

    private RuleValidator() {
    }

    public static List<UserError> validate(RuleDefinition rule) {
        List<UserError> errors = new ArrayList<>();
        if (rule.name() == null || rule.name().isBlank()) {
            errors.add(UserError.of(F + "name", "REQUIRED", "Give the rule a name."));
        } else if (rule.name().length() > 100) {
            errors.add(UserError.of(F + "name", "TOO_LONG", "The name can have at most 100 characters."));
        } else if (rule.name().contains(",") || rule.name().chars().anyMatch(Character::isISOControl)) {
            // the queue and the moderation report list the rules that fired as names joined by commas
            errors.add(UserError.of(F + "name", "INVALID_CHARACTERS", "A rule name has no commas or control characters."));
        }
        if (rule.kind() == null) {
            errors.add(UserError.of(F + "kind", "REQUIRED", "Choose what the rule matches."));
            return errors;
        }
        if (rule.action() == null) {
            errors.add(UserError.of(F + "action", "REQUIRED", "Choose what the rule does."));
        } else if (rule.action() == RuleAction.MUTE
                && (rule.muteMinutes() == null || rule.muteMinutes() < 1 || rule.muteMinutes() > RuleLimits.MAX_MUTE_MINUTES)) {
            errors.add(UserError.of(F + "muteMinutes", "OUT_OF_RANGE",
                    "A mute rule needs muteMinutes between 1 and " + RuleLimits.MAX_MUTE_MINUTES + "."));
        }
        switch (rule.kind()) {
            case KEYWORDS -> validateKeywords(rule, errors);
            case REGEX -> validatePattern(rule, errors);
            case LINKS -> {
                int domains = size(rule.denyDomains()) + size(rule.allowDomains());
                if (domains == 0 && rule.maxLinks() == null) {
                    errors.add(
                            UserError.of(F + "maxLinks", "REQUIRED", "Give denied or allowed domains, or a maximum of links."));
                }
                if (domains > RuleLimits.MAX_DOMAINS) {
                    errors.add(UserError.of(F + "denyDomains", "TOO_MANY", "At most " + RuleLimits.MAX_DOMAINS + " domains."));
                } else if (tooLongDomain(rule.denyDomains()) || tooLongDomain(rule.allowDomains())) {
                    errors.add(UserError.of(F + "denyDomains", "TOO_LONG", "A domain has at most " + MAX_DOMAIN_LENGTH
                            + " characters."));
                }
                range(errors, "maxLinks", rule.maxLinks(), 0, 100, false);
            }
            case MENTIONS -> range(errors, "maxMentions", rule.maxMentions(), 0, 100, true);
            case CAPS -> {
                if (rule.capsRatio() == null || rule.capsRatio() <= 0 || rule.capsRatio() > 1) {
                    errors.add(UserError.of(F + "capsRatio", "OUT_OF_RANGE",
                            "capsRatio is a share of capital letters, above 0 and at most 1."));
                }
                range(errors, "minLength", rule.minLength(), 1, 10_000, false);
            }
            case FLOOD -> {
                range(errors, "maxMessages", rule.maxMessages(), 1, 1_000, true);
                range(errors, "windowSeconds", rule.windowSeconds(), 1, 86_400, true);
            }
            case ACCOUNT_AGE -> range(errors, "minAccountAgeHours", rule.minAccountAgeHours(), 1, 24 * 365, true);
        }
        return errors;
    }

    private static void validateKeywords(RuleDefinition rule, List<UserError> errors) {
        List<String> keywords = rule.keywordsOrEmpty();
        if (keywords.stream().allMatch(k -> k == null || k.isBlank())) {
            errors.add(UserError.of(F + "keywords", "REQUIRED", "Give at least one keyword."));
        } else if (keywords.size() > RuleLimits.MAX_KEYWORDS_PER_RULE) {
            errors.add(UserError.of(F + "keywords", "TOO_MANY",
                    "At most " + RuleLimits.MAX_KEYWORDS_PER_RULE + " keywords per rule."));
        } else if (keywords.stream().anyMatch(k -> k != null && k.length() > RuleLimits.MAX_KEYWORD_LENGTH)) {
            errors.add(UserError.of(F + "keywords", "TOO_LONG",
                    "A keyword can have at most " + RuleLimits.MAX_KEYWORD_LENGTH + " characters."));
        } else if (RuleWeights.keywordCharacters(rule) > RuleLimits.MAX_SCOPE_KEYWORD_CHARACTERS) {
            errors.add(UserError.of(F + "keywords", "TOO_LONG", "The keywords of one rule add up to at most "
                    + RuleLimits.MAX_SCOPE_KEYWORD_CHARACTERS + " characters."));
        }
    }

    private static void validatePattern(RuleDefinition rule, List<UserError> errors) {
        if (rule.pattern() == null || rule.pattern().isEmpty()) {
            errors.add(UserError.of(F + "pattern", "REQUIRED", "Give a regular expression."));
            return;
        }
        if (rule.pattern().length() > RuleLimits.MAX_PATTERN_LENGTH) {
            errors.add(UserError.of(F + "pattern", "TOO_LONG",
                    "A pattern can have at most " + RuleLimits.MAX_PATTERN_LENGTH + " characters."));
            return;
        }
        // counted before compiling: compiling is what a hostile pattern makes slow and big
        long size = ProgramSize.of(rule.pattern());
        if (size > RuleLimits.MAX_PATTERN_INSTRUCTIONS) {
            errors.add(tooLarge(size));
            return;
        }
        try {
            int compiled = CompiledRuleSet.compilePattern(rule.pattern()).programSize();
            if (compiled > RuleLimits.MAX_PATTERN_INSTRUCTIONS) {
                errors.add(tooLarge(compiled));
            }
        } catch (PatternSyntaxException e) {
            errors.add(UserError.of(F + "pattern", "INVALID_REGEX", "This is not a valid regular expression: "
                    + e.getDescription() + ". Back-references and look-arounds are not supported."));
        }
    }

    private static UserError tooLarge(long instructions) {
        String size = instructions >= ProgramSize.CAP ? "billions of" : "about " + instructions;
        return UserError.of(F + "pattern", "INVALID_REGEX", "This pattern would compile to " + size
                + " instructions; the limit is " + RuleLimits.MAX_PATTERN_INSTRUCTIONS + ". Counted repetition multiplies"
                + " through nesting ((a{100}){100} is 10,000 copies of a): use smaller counts, + or * instead of large"
                + " {n,m}, or fewer alternatives inside a repetition.");
    }

    private static void range(List<UserError> errors, String field, Number value, int min, int max, boolean required) {
        if (value == null) {
            if (required) {
                errors.add(UserError.of(F + field, "REQUIRED", field + " is required for this kind of rule."));
            }
            return;
        }
        if (value.doubleValue() < min || value.doubleValue() > max) {
            errors.add(UserError.of(F + field, "OUT_OF_RANGE", field + " must be between " + min + " and " + max + "."));
        }
    }

    private static boolean tooLongDomain(List<String> domains) {
        return domains != null && domains.stream().anyMatch(d -> d != null && d.length() > MAX_DOMAIN_LENGTH);
    }

    private static int size(List<?> list) {
        return list == null ? 0 : list.size();
    }
}
