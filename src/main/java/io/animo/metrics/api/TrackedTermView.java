package io.animo.metrics.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.metrics.domain.TrackedTerm;
import io.animo.platform.graphql.GlobalId;

@Type("TrackedTerm")
@Description("A term the tenant follows (a product, a brand, a feature): content naming it, as whole words in any case,"
        + " counts as a mention.")
public record TrackedTermView(@Id @NonNull String id, @NonNull String term, String createdBy,
        @NonNull Instant createdAt, @NonNull @Description("Mentions so far") long mentions) {

    static final String TYPE = "TrackedTerm";

    static TrackedTermView of(TrackedTerm t) {
        return t == null
                ? null
                : new TrackedTermView(GlobalId.encode(TYPE, t.id()), t.term(), t.createdByName(), t.createdAt(),
                        t.mentions());
    }
}
