package io.animo.moderation.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.moderation.domain.Decision;

@Input("ModerationItemDecideInput")
public record ModerationItemDecideInput(@Id @NonNull String itemId, @NonNull Decision decision, String note,
        String clientMutationId) {
}
