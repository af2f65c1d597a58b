package io.animo.rule.domain;

import java.util.List;

import io.animo.platform.graphql.UserError;

/** What a draft rule does to a text, or why it cannot be tested. */
public record RuleTestResult(Verdict verdict, List<UserError> userErrors) {
}
