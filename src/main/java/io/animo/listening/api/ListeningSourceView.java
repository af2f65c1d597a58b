package io.animo.listening.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.listening.domain.Source;
import io.animo.listening.domain.SourceKind;
import io.animo.listening.domain.SourceStatus;
import io.animo.platform.graphql.GlobalId;

@Type("ListeningSource")
@Description("An outside place where the brand is discussed, listened to: its mentions land in communityId's metrics.")
public record ListeningSourceView(@Id @NonNull String id, @NonNull SourceKind kind, @NonNull String name, String url,
        String handle, @Id @NonNull String communityId, String language, @NonNull List<@NonNull String> tags,
        @Description("Estimated people reached") Long reach, @NonNull SourceStatus status,
        @NonNull int pollIntervalMinutes, Instant nextPollAt, Instant lastPolledAt,
        @Description("The last fetch's error (kept after a later success, with lastErrorAt)") String lastError,
        Instant lastErrorAt, @NonNull int consecutiveFailures,
        @Description("WEBHOOK sources: where to POST signed mentions") String webhookPath, @NonNull Instant createdAt,
        @NonNull @Description("Mentions in the window asked (default: the last 30 days)") long mentions,
        @NonNull long positive, @NonNull long negative,
        @Description("positive / mentions; null without mentions") Double positiveShare) {

    static final String TYPE = "ListeningSource";

    static ListeningSourceView of(Source s) {
        if (s == null) {
            return null;
        }
        String id = GlobalId.encode(TYPE, s.id());
        return new ListeningSourceView(id, s.kind(), s.name(), s.url(), s.handle(),
                GlobalId.encode("Community", s.communityId()), s.language(), s.tags(), s.reach(), s.status(),
                s.pollIntervalSeconds() / 60, s.nextPollAt(), s.lastPolledAt(), s.lastError(), s.lastErrorAt(),
                s.consecutiveFailures(), s.kind() == SourceKind.WEBHOOK ? ListeningWebhookRoute.PREFIX + id : null,
                s.createdAt(), s.mentions(), s.positive(), s.negative(),
                s.mentions() == 0 ? null : (double) s.positive() / s.mentions());
    }
}
