package io.animo.debate.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("PollVoteInput")
public record PollVoteInput(@Id @NonNull String threadId,
        @NonNull @Id @Description("One option, or several different ones for a multiple-choice poll; replaces an earlier vote") List<@NonNull String> optionIds,
        String clientMutationId) {
}
