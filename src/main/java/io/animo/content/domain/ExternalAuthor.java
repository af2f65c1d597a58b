package io.animo.content.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.animo.platform.graphql.UserError;

/**
 * An author known only to an integration: a stable handle in the source it listens to (for example
 * {@code forum.example.com:jdoe}) and the name to show.
 */
public record ExternalAuthor(String handle, String displayName) {

    static final int MAX_LENGTH = 200;
    private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._:@/+#-]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cc}");

    public ExternalAuthor {
        handle = handle == null ? null : handle.strip();
        displayName = displayName == null ? null : displayName.strip();
    }

    List<UserError> validate() {
        List<UserError> errors = new ArrayList<>();
        if (handle == null || handle.isEmpty()) {
            errors.add(UserError.of("input.externalHandle", "REQUIRED", "This field is required."));
        } else if (handle.length() > MAX_LENGTH) {
            errors.add(UserError.of("input.externalHandle", "TOO_LONG", "At most " + MAX_LENGTH + " characters."));
        } else if (!HANDLE.matcher(handle).matches()) {
            errors.add(UserError.of("input.externalHandle", "INVALID_HANDLE",
                    "Letters, digits and . _ : @ / + # - only, without spaces."));
        }
        if (displayName == null || displayName.isEmpty()) {
            errors.add(UserError.of("input.displayName", "REQUIRED", "This field is required."));
        } else if (displayName.length() > MAX_LENGTH) {
            errors.add(UserError.of("input.displayName", "TOO_LONG", "At most " + MAX_LENGTH + " characters."));
        } else if (CONTROL.matcher(displayName).find()) {
            errors.add(UserError.of("input.displayName", "INVALID_CHARACTERS", "Control characters are not allowed."));
        }
        return errors;
    }
}
