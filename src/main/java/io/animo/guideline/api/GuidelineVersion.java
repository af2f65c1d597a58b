package io.animo.guideline.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.guideline.domain.GuidelineRevisionEntity;
import io.animo.tenancy.api.Actor;

@Type("GuidelineVersion")
@Description("A previous version of a guideline, as its author left it.")
public record GuidelineVersion(@NonNull int revision, @NonNull String title, @NonNull String body,
        @NonNull @Description("Who wrote this version") Actor editedBy,
        @NonNull @Description("When this version was written") Instant editedAt) {

    static GuidelineVersion of(GuidelineRevisionEntity r) {
        return new GuidelineVersion(r.revision, r.title, r.body, new Actor(r.editedBySubject, r.editedByName), r.editedAt);
    }
}
