package io.animo.content.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.content.domain.ThreadKind;

@Input("ThreadCreateInput")
public record ThreadCreateInput(@Id @NonNull String communityId, @NonNull ThreadKind kind, @NonNull String title,
        @NonNull String body, String clientMutationId) {
}
