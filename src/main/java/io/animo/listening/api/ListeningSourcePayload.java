package io.animo.listening.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.listening.domain.SourceResult;
import io.animo.platform.graphql.UserError;

@Type("ListeningSourcePayload")
public record ListeningSourcePayload(ListeningSourceView source,
        @Description("WEBHOOK sources, when added: the signing secret, shown this once") String webhookSecret,
        @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static ListeningSourcePayload of(SourceResult result, String clientMutationId) {
        return new ListeningSourcePayload(ListeningSourceView.of(result.source()), result.webhookSecret(),
                result.userErrors(), clientMutationId);
    }
}
