package io.animo.platform.graphql;

import java.util.List;
import java.util.regex.Pattern;

/** The checks every free-text input field gets: present, not too long, no control characters but line breaks and tabs. */
public final class TextFields {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t\\r]]");

    private TextFields() {
    }

    /** Adds REQUIRED, TOO_LONG or INVALID_CHARACTERS for {@code field} when {@code value} is not acceptable. */
    public static void check(List<UserError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(UserError.of(field, "REQUIRED", "This field is required."));
        } else if (value.length() > max) {
            errors.add(UserError.of(field, "TOO_LONG", "At most " + max + " characters."));
        } else if (hasControlCharacters(value)) {
            errors.add(UserError.of(field, "INVALID_CHARACTERS", "Control characters are not allowed."));
        }
    }

    public static boolean hasControlCharacters(String value) {
        return CONTROL.matcher(value).find();
    }
}
