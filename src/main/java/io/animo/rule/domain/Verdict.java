package io.animo.rule.domain;

import java.util.List;

/**
 * What the rules decided for one message: whether it is visible, which rules fired, and what
 * happens to its author (a warning, a mute).
 */
public record Verdict(ModerationOutcome outcome, List<RuleHit> hits, boolean warnAuthor, Integer muteMinutes) {

    public static final Verdict CLEAN = new Verdict(ModerationOutcome.PUBLISHED, List.of(), false, null);

    public static Verdict of(List<RuleHit> hits, Integer muteMinutes) {
        if (hits.isEmpty()) {
            return CLEAN;
        }
        ModerationOutcome outcome = ModerationOutcome.PUBLISHED;
        boolean warn = false;
        for (RuleHit hit : hits) {
            outcome = stricter(outcome, switch (hit.action()) {
                case REJECT, MUTE -> ModerationOutcome.REJECTED;
                case HOLD -> ModerationOutcome.HELD;
                case FLAG -> ModerationOutcome.FLAGGED;
                case WARN -> ModerationOutcome.PUBLISHED;
            });
            warn |= hit.action() == RuleAction.WARN;
        }
        return new Verdict(outcome, List.copyOf(hits), warn, muteMinutes);
    }

    private static ModerationOutcome stricter(ModerationOutcome a, ModerationOutcome b) {
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
