package io.animo.rule.domain;

public enum MatcherKind {
    KEYWORDS, REGEX, LINKS, MENTIONS, CAPS, FLOOD, ACCOUNT_AGE
}
