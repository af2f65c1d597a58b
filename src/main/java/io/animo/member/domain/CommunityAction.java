package io.animo.member.domain;

/** What a person may ask to do in a community; {@link CommunityGate} decides. */
public enum CommunityAction {
    /** See its threads, messages, guidelines, members and feedback (a private one: members and staff). */
    READ(false),
    /** Start a thread, post a message: a member in good standing of a writable community. */
    POST(true),
    /** Change one's own message: as for posting. */
    EDIT(true),
    /** Delete one's own message or take back one's reaction: no good standing needed. */
    WITHDRAW(true),
    /** React to a message: a member in good standing of a writable community. */
    REACT(true),
    /** Vote in a poll: a member in good standing of a writable community. */
    VOTE(true),
    /** Report a message to the moderators, appeal a sanction: whoever reads the community. */
    RESPOND(true),
    /** Acknowledge the guidelines, report or vote for a bug or suggestion: a member. */
    PARTICIPATE(true),
    /** Pin and lock threads: the staff, and the community's owners and moderators in good standing. */
    MODERATE(true),
    /** Give community roles: tenant admins, community managers, and the community's owners in good standing. */
    OWN(true),
    /**
     * Change what governs the community (guidelines, rules, the queue, sanctions and appeals, triage): the
     * caller's realm role was checked at the API; here the community must exist and not be archived.
     */
    ADMINISTER(true);

    private final boolean changes;

    CommunityAction(boolean changes) {
        this.changes = changes;
    }

    /** Whether the action changes something, which an archived community refuses. */
    public boolean changes() {
        return changes;
    }

    /** Whether the caller must be a member in good standing, in a community that is not read-only. */
    boolean needsGoodStanding() {
        return this == POST || this == EDIT || this == REACT || this == VOTE;
    }
}
