package io.animo.debate.domain;

import java.util.List;

/** A debate with its sides and how many published replies took each. */
public record DebateView(DebateEntity debate, List<SideCount> sides) {

    public record SideCount(DebateSideEntity side, long replyCount) {
    }
}
