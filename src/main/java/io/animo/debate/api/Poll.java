package io.animo.debate.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.debate.domain.PollView;
import io.animo.platform.graphql.GlobalId;

@Type("Poll")
@Description("The poll of a POLL thread. Results are visible to everyone who sees the thread.")
public record Poll(@Id @NonNull String threadId, @NonNull boolean multipleChoice, @NonNull Instant closesAt,
        @NonNull boolean closed, @NonNull @Description("Members who voted") int totalVoters,
        @NonNull List<@NonNull PollOption> options,
        @NonNull @Id @Description("The options the caller chose (empty if they did not vote)") List<@NonNull String> viewerVotes) {

    static Poll of(PollView view, Instant now) {
        return view == null
                ? null
                : new Poll(GlobalId.encode("Thread", view.poll().threadId), view.poll().multipleChoice,
                        view.poll().closesAt, view.poll().closed(now), (int) view.totalVoters(),
                        view.options().stream().map(PollOption::of).toList(),
                        view.viewerVotes().stream().map(id -> GlobalId.encode(PollOption.TYPE, id)).toList());
    }
}
