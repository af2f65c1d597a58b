package io.animo.content.domain;

/** How many members reacted to a message with one kind, and whether the viewer is one of them. */
public record ReactionTally(ReactionKind kind, int count, boolean viewerReacted) {
}
