package io.animo.content.api;

import java.util.List;

import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.content.domain.ThreadResult;
import io.animo.platform.graphql.UserError;

@Type("ThreadPayload")
public record ThreadPayload(Thread thread, @NonNull List<@NonNull UserError> userErrors, String clientMutationId) {

    static ThreadPayload of(ThreadResult result, String clientMutationId) {
        return new ThreadPayload(Thread.of(result.thread()), result.userErrors(), clientMutationId);
    }
}
