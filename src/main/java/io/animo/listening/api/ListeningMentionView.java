package io.animo.listening.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.listening.domain.Mention;
import io.animo.platform.graphql.GlobalId;

@Type("ListeningMention")
public record ListeningMentionView(@Id @NonNull String id, @Id @NonNull String sourceId, String title, String url,
        String author, @NonNull String body, String language, String sentiment, Instant publishedAt,
        @NonNull Instant receivedAt) {

    static ListeningMentionView of(Mention m) {
        return new ListeningMentionView(GlobalId.encode("ListeningMention", m.id()),
                GlobalId.encode(ListeningSourceView.TYPE, m.sourceId()), m.title(), m.url(), m.author(), m.body(),
                m.language(), m.sentiment(), m.publishedAt(), m.receivedAt());
    }
}
