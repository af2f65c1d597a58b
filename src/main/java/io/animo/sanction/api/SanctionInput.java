package io.animo.sanction.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.animo.sanction.domain.SanctionKind;
import io.animo.sanction.domain.SanctionOrder;

@Input("SanctionInput")
@Description("A sanction of the author of the message a moderation decision is about.")
public record SanctionInput(@NonNull SanctionKind kind, @NonNull String reason,
        @Description("Required for MUTE; optional for BAN (null: permanent); not allowed for WARN") Instant until) {

    public SanctionOrder order() {
        return new SanctionOrder(kind, reason, until);
    }
}
