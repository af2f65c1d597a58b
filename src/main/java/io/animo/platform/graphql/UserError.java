package io.animo.platform.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A problem with the input that the caller can fix. Nothing was changed.")
public record UserError(
        @Description("Path of the input field at fault, e.g. \"input.slug\"; null when not about one field") String field,
        @NonNull @Description("Stable machine-readable code, e.g. SLUG_TAKEN") String code,
        @NonNull @Description("Explanation a person can act on") String message) {

    public static UserError of(String field, String code, String message) {
        return new UserError(field, code, message);
    }
}
