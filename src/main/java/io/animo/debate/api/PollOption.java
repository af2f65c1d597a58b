package io.animo.debate.api;

import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

import io.animo.debate.domain.PollView;
import io.animo.platform.graphql.GlobalId;

@Type("PollOption")
public record PollOption(@Id @NonNull String id, @NonNull String label, @NonNull int votes) {

    static final String TYPE = "PollOption";

    static PollOption of(PollView.OptionCount option) {
        return new PollOption(GlobalId.encode(TYPE, option.option().id), option.option().label, (int) option.votes());
    }
}
