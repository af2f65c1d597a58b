package io.animo.tenancy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.animo.platform.graphql.UserError;
import io.animo.platform.security.KeycloakRealms;

final class TenantRules {

    private static final Set<String> RESERVED = Set.of("master", "admin", "animo", "animo-platform", "platform", "api",
            "www", "keycloak");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{3,60}");

    private TenantRules() {
    }

    static List<UserError> validate(TenantDraft draft, String organizationsRealm) {
        List<UserError> errors = new ArrayList<>();
        if (draft.kind() == TenantKind.ORGANIZATION) {
            String alias = draft.organization() == null ? "" : draft.organization();
            if (draft.realm() != null) {
                errors.add(UserError.of("input.realm", "NOT_FOR_ORGANIZATIONS",
                        "An organization tenant lives in the shared realm: leave the realm out."));
            }
            if (!KeycloakRealms.REALM_NAME.matcher(alias).matches()) {
                errors.add(UserError.of("input.organization", "INVALID_ORGANIZATION",
                        "Use 3 to 40 lower-case letters, digits or hyphens, starting with a letter."));
            }
        } else {
            String realm = draft.realm() == null ? "" : draft.realm();
            if (draft.organization() != null) {
                errors.add(UserError.of("input.organization", "NOT_FOR_REALMS",
                        "A realm tenant is no organization: leave the organization out."));
            }
            if (!KeycloakRealms.REALM_NAME.matcher(realm).matches()) {
                errors.add(UserError.of("input.realm", "INVALID_REALM",
                        "Use 3 to 40 lower-case letters, digits or hyphens, starting with a letter."));
            } else if (RESERVED.contains(realm) || realm.equals(organizationsRealm)) {
                errors.add(UserError.of("input.realm", "REALM_RESERVED", "This realm name is reserved. Choose another."));
            }
        }
        requireText(errors, "input.name", draft.name(), 100);
        if (draft.adminEmail() == null || draft.adminEmail().length() > 254 || !EMAIL.matcher(draft.adminEmail()).matches()) {
            errors.add(UserError.of("input.adminEmail", "INVALID_EMAIL", "Give a valid e-mail address for the first admin."));
        }
        if (draft.adminUsername() != null && !USERNAME.matcher(draft.adminUsername()).matches()) {
            errors.add(UserError.of("input.adminUsername", "INVALID_USERNAME",
                    "Use 3 to 60 letters, digits, dots, hyphens, underscores or @."));
        }
        requireText(errors, "input.adminFirstName", draft.adminFirstName(), 100);
        requireText(errors, "input.adminLastName", draft.adminLastName(), 100);
        if (draft.adminPassword() != null && (draft.adminPassword().length() < 12 || draft.adminPassword().length() > 128)) {
            errors.add(UserError.of("input.adminPassword", "WEAK_PASSWORD",
                    "Use 12 to 128 characters, or leave it out to get a temporary password."));
        }
        return errors;
    }

    private static void requireText(List<UserError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(UserError.of(field, "REQUIRED", "This field is required."));
        } else if (value.length() > max) {
            errors.add(UserError.of(field, "TOO_LONG", "At most " + max + " characters."));
        }
    }

    static UserError organizationTaken(String alias) {
        return UserError.of("input.organization", "ORGANIZATION_TAKEN",
                "An organization \"" + alias + "\" already exists.");
    }

    static UserError usernameTaken(String username) {
        return UserError.of("input.adminUsername", "USERNAME_TAKEN",
                "Someone of the organizations realm is already called \"" + username + "\". Choose another.");
    }

    static UserError organizationsDisabled() {
        return UserError.of("input.kind", "ORGANIZATIONS_DISABLED",
                "This service has no organizations realm configured (ANIMO_ORGANIZATIONS_CLIENT_SECRET).");
    }

    static UserError realmTaken(String realm) {
        return UserError.of("input.realm", "REALM_TAKEN", "A tenant or realm named \"" + realm + "\" already exists.");
    }
}
