package io.animo.moderation.api;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.moderation.domain.ModerationReport;

@Type("ModerationCount")
public record ModerationCount(@NonNull String key, @NonNull long count) {

    static ModerationCount of(ModerationReport.Count count) {
        return new ModerationCount(count.key(), count.count());
    }
}
