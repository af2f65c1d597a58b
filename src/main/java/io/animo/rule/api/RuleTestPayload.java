package io.animo.rule.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.UserError;
import io.animo.rule.domain.ModerationOutcome;
import io.animo.rule.domain.Verdict;

@Type("RuleTestPayload")
public record RuleTestPayload(
        @Description("What would happen to the message: PUBLISHED, FLAGGED (visible, queued for review), HELD (invisible until approved) or REJECTED") ModerationOutcome outcome,
        List<@NonNull RuleMatch> matches,
        Boolean warnAuthor,
        Integer muteMinutes,
        @NonNull List<@NonNull UserError> userErrors) {

    static RuleTestPayload of(Verdict verdict) {
        return new RuleTestPayload(verdict.outcome(), verdict.hits().stream().map(RuleMatch::of).toList(), verdict.warnAuthor(),
                verdict.muteMinutes(), List.of());
    }

    static RuleTestPayload rejected(List<UserError> errors) {
        return new RuleTestPayload(null, null, null, null, errors);
    }
}
