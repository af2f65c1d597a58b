package io.animo.debate.domain;

import static io.animo.platform.persistence.DbTime.now;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.animo.platform.graphql.TextFields;
import io.animo.platform.graphql.UserError;

/** Checks shared by debates and polls; each adds a user error and writes nothing. */
final class Inputs {

    static final int TITLE_MAX = 200;
    static final int BODY_MAX = 10_000;
    /** How far ahead a debate or poll may be scheduled. */
    static final long HORIZON_DAYS = 366;

    private Inputs() {
    }

    /** Labels of sides or options: between min and max, each non-blank, at most maxLength, all different. */
    static void labels(List<UserError> errors, String field, List<String> labels, int min, int max, int maxLength) {
        if (labels.size() < min || labels.size() > max) {
            errors.add(UserError.of(field, "INVALID_COUNT", "Give between " + min + " and " + max + "."));
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String label : labels) {
            if (label == null || label.isBlank()) {
                errors.add(UserError.of(field, "REQUIRED", "Every label needs some text."));
                return;
            }
            if (label.length() > maxLength || TextFields.hasControlCharacters(label)) {
                errors.add(UserError.of(field, "TOO_LONG", "Each label has at most " + maxLength
                        + " characters, without control characters."));
                return;
            }
            if (!seen.add(label.strip().toLowerCase(Locale.ROOT))) {
                errors.add(UserError.of(field, "DUPLICATE", "Labels must all be different: " + label.strip() + "."));
                return;
            }
        }
    }

    /** A closing time in the future and within the horizon. */
    static void closing(List<UserError> errors, String field, Instant closesAt, Instant now) {
        if (closesAt == null) {
            errors.add(UserError.of(field, "REQUIRED", "This field is required."));
        } else if (!closesAt.isAfter(now)) {
            errors.add(UserError.of(field, "IN_THE_PAST", "Choose a closing time in the future."));
        } else if (closesAt.isAfter(horizon(now))) {
            errors.add(UserError.of(field, "TOO_FAR", "At most one year ahead."));
        }
    }

    static Instant horizon(Instant now) {
        return now.plus(HORIZON_DAYS, ChronoUnit.DAYS);
    }
}
