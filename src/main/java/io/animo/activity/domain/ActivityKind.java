package io.animo.activity.domain;

/** What a member did, as the engagement metrics count it (ARCHITECTURE §7). Stored by name. */
public enum ActivityKind {
    MEMBER_JOINED, MEMBER_LEFT, GUIDELINES_ACKNOWLEDGED, THREAD_CREATED, MESSAGE_POSTED, REPLY_POSTED, MESSAGE_EDITED, MESSAGE_DELETED, REACTION_ADDED, POLL_VOTED,
    /** A member reported a message. */
    REPORT_FILED,
    /** A moderator decided an item of the queue; the member is the author of the message. */
    MODERATION_DECIDED,
    /** A sanction was issued (by a moderator or a rule); the member is the one sanctioned. */
    SANCTION_ISSUED,
    /** A message ingested from a listened-to community; the member is its external author. */
    MENTION_INGESTED,
    /** Someone followed a campaign's tracked link into the community; the member is unknown (null). */
    CAMPAIGN_CLICKED,
    /** A member answered an event of the community (going, maybe or declined). */
    EVENT_RSVP,
    /** A member was checked in at an event of the community. */
    EVENT_CHECKED_IN;

    /** What a member does by themselves: these make them an active member. */
    public boolean byTheMember() {
        return this != MEMBER_LEFT && this != MODERATION_DECIDED && this != SANCTION_ISSUED && this != MENTION_INGESTED
                && this != CAMPAIGN_CLICKED;
    }

    /** SQL list of the kinds done by members themselves, for counting distinct active members. */
    public static String byTheMemberSql() {
        return java.util.Arrays.stream(values()).filter(ActivityKind::byTheMember).map(kind -> "'" + kind + "'")
                .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }
}
