package io.animo.community.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.animo.platform.graphql.UserError;

/** Validation of community fields; each problem becomes one {@link UserError}. */
final class CommunityRules {

    static final int NAME_MAX = 100;
    static final int SLUG_MAX = 60;
    static final int DESCRIPTION_MAX = 1000;
    static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** Control characters other than line breaks and tabs: invisible, and NUL is refused by PostgreSQL. */
    static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]");
    static final Pattern ANY_CONTROL = Pattern.compile("\\p{Cc}");

    private CommunityRules() {
    }

    static List<UserError> validate(CommunityDraft draft, boolean creating) {
        List<UserError> errors = new ArrayList<>();
        if (creating || draft.name() != null) {
            String name = draft.name() == null ? "" : draft.name().strip();
            if (name.isEmpty()) {
                errors.add(UserError.of("input.name", "REQUIRED", "Give the community a name."));
            } else if (name.length() > NAME_MAX) {
                errors.add(UserError.of("input.name", "TOO_LONG", "The name can have at most " + NAME_MAX + " characters."));
            } else if (ANY_CONTROL.matcher(name).find()) {
                errors.add(UserError.of("input.name", "INVALID_CHARACTERS",
                        "The name cannot contain line breaks or control characters."));
            }
        }
        if (creating || draft.slug() != null) {
            String slug = draft.slug() == null ? "" : draft.slug();
            if (slug.isEmpty()) {
                errors.add(UserError.of("input.slug", "REQUIRED", "Give the community a slug, e.g. \"product-feedback\"."));
            } else if (slug.length() > SLUG_MAX) {
                errors.add(UserError.of("input.slug", "TOO_LONG", "The slug can have at most " + SLUG_MAX + " characters."));
            } else if (!SLUG.matcher(slug).matches()) {
                errors.add(UserError.of("input.slug", "INVALID_SLUG",
                        "Use lower-case letters, digits and single hyphens between them, e.g. \"product-feedback\"."));
            }
        }
        if (draft.description() != null && draft.description().length() > DESCRIPTION_MAX) {
            errors.add(UserError.of("input.description", "TOO_LONG",
                    "The description can have at most " + DESCRIPTION_MAX + " characters."));
        } else if (draft.description() != null && CONTROL.matcher(draft.description()).find()) {
            errors.add(UserError.of("input.description", "INVALID_CHARACTERS",
                    "The description cannot contain control characters (line breaks and tabs are fine)."));
        }
        if (creating && draft.visibility() == null) {
            errors.add(UserError.of("input.visibility", "REQUIRED", "Choose PUBLIC or PRIVATE."));
        }
        return errors;
    }

    static UserError slugTaken(String slug) {
        return UserError.of("input.slug", "SLUG_TAKEN",
                "Another community of this tenant already uses the slug \"" + slug + "\".");
    }
}
