package io.animo.debate.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PollCreateInput")
public record PollCreateInput(@Id @NonNull String communityId, @NonNull String title,
        @NonNull @Description("The first message of the thread") String question,
        @NonNull @Description("2 to 20 different labels") List<@NonNull String> options,
        @DefaultValue("false") @Description("Whether a member may choose several options") Boolean multipleChoice,
        @NonNull @Description("When voting ends: in the future, at most a year ahead") Instant closesAt,
        String clientMutationId) {
}
