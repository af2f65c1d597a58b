package io.animo.debate.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("DebateCreateInput")
public record DebateCreateInput(@Id @NonNull String communityId, @NonNull String title, @NonNull String theme,
        @NonNull @Description("The first message of the thread") String openingStatement,
        @Description("None, or 2 to 6 different labels replies may take") List<String> sides,
        @Description("When replies open; now if omitted") Instant opensAt,
        @NonNull @Description("When replies close: in the future, after opensAt, at most a year ahead") Instant closesAt,
        String clientMutationId) {
}
