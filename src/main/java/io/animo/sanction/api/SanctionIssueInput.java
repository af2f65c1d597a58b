package io.animo.sanction.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.sanction.domain.SanctionKind;

@Input("SanctionIssueInput")
public record SanctionIssueInput(@Id @NonNull String communityId, @Id @NonNull String memberId, @NonNull SanctionKind kind,
        @NonNull String reason,
        @Description("Required for MUTE; optional for BAN (null: permanent); not allowed for WARN") Instant until,
        String clientMutationId) {
}
