package io.animo.moderation.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What moderation did in a period: queue items opened by reason, automated actions by rule (flags
 * and holds that opened items, and rejected posts), decisions by outcome, and the median time from
 * an item's opening to its final decision (approve or remove); sanctions issued by kind and appeals
 * filed by their status.
 */
public record ModerationReport(Instant from, Instant to, UUID communityId, long itemsOpened, long reportsFiled,
        long rejectedByRules, long finalDecisions, Double medianSecondsToDecision, List<Count> byReason,
        List<Count> byRule, List<Count> byOutcome, List<Count> sanctionsByKind, List<Count> appealsByStatus) {

    public record Count(String key, long count) {
    }
}
