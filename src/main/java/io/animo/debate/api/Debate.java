package io.animo.debate.api;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.debate.domain.DebateState;
import io.animo.debate.domain.DebateView;

@Type("Debate")
@Description("The debate of a DEBATE thread: replies are accepted while it is OPEN and may take one of its sides.")
public record Debate(@NonNull String theme, @NonNull String openingStatement, @NonNull Instant opensAt,
        @NonNull Instant closesAt, @NonNull DebateState state, @NonNull List<@NonNull DebateSide> sides) {

    static Debate of(DebateView view, Instant now) {
        return view == null
                ? null
                : new Debate(view.debate().theme, view.debate().openingStatement, view.debate().opensAt,
                        view.debate().closesAt, view.debate().state(now), view.sides().stream().map(DebateSide::of).toList());
    }
}
