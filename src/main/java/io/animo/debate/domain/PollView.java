package io.animo.debate.domain;

import java.util.List;
import java.util.UUID;

/** A poll with its results as any member who sees the thread sees them, and the caller's own choices. */
public record PollView(PollEntity poll, List<OptionCount> options, long totalVoters, List<UUID> viewerVotes) {

    public record OptionCount(PollOptionEntity option, long votes) {
    }
}
