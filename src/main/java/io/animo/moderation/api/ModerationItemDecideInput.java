package io.animo.moderation.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.moderation.domain.Decision;
import io.animo.sanction.api.SanctionInput;

@Input("ModerationItemDecideInput")
public record ModerationItemDecideInput(@Id @NonNull String itemId, @NonNull Decision decision, String note,
        @Description("Also sanction the message's author in its community (not with ESCALATE)") SanctionInput sanction,
        String clientMutationId) {
}
