package io.animo.listening.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.listening.domain.FetchRecord;

@Type("ListeningFetch")
@Description("One fetch of a source (FETCHED, NOT_MODIFIED, FAILED) or one push it received (RECEIVED).")
public record ListeningFetchView(@NonNull Instant at, @NonNull String outcome, Integer httpStatus,
        @NonNull int newMentions, String error, @NonNull int durationMs) {

    static ListeningFetchView of(FetchRecord f) {
        return new ListeningFetchView(f.at(), f.outcome(), f.httpStatus(), f.newMentions(), f.error(), f.durationMs());
    }
}
