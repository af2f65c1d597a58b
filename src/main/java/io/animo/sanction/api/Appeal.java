package io.animo.sanction.api;

import java.time.Instant;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.platform.graphql.GlobalId;
import io.animo.platform.graphql.Node;
import io.animo.sanction.domain.AppealEntity;
import io.animo.sanction.domain.AppealStatus;

@Type("Appeal")
@Description("A sanctioned member's request to lift a sanction, decided by staff other than who issued it.")
public record Appeal(
        @Id @NonNull String id,
        @Id @NonNull String sanctionId,
        @NonNull String statement,
        @NonNull AppealStatus status,
        @Description("Display name of who decided it") String decidedBy,
        Instant decidedAt,
        String decisionNote,
        @NonNull Instant createdAt) implements Node {

    public static final String TYPE = "Appeal";

    @Override
    @Id
    @NonNull
    public String getId() {
        return id;
    }

    static Appeal of(AppealEntity a) {
        return a == null
                ? null
                : new Appeal(GlobalId.encode(TYPE, a.id), GlobalId.encode(Sanction.TYPE, a.sanctionId), a.statement, a.status,
                        a.decidedByName, a.decidedAt, a.decisionNote, a.createdAt);
    }
}
