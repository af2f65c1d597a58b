package io.animo.listening.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.listening.domain.SourceKind;

@Input("ListeningSourceAddInput")
public record ListeningSourceAddInput(@NonNull SourceKind kind, @NonNull String name,
        @Description("RSS or Atom address, public http(s); required for FEED, polled for FORUM, GROUP and BLOG too;"
                + " none for WEBHOOK") String url,
        @Description("The account or group name there") String handle,
        @Id @NonNull @Description("A community the caller administers: the mentions count in its metrics") String communityId,
        @Description("ISO 639-1, e.g. fr") String language, List<String> tags,
        @Description("Estimated people reached") Long reach,
        @Description("1 to 1440; default 15") Integer pollIntervalMinutes, String clientMutationId) {
}
