package io.animo.event.domain;

/** A member's answer to an event; WAITLISTED is what GOING becomes when the event is full. */
public enum RsvpAnswer {
    GOING, MAYBE, DECLINED, WAITLISTED
}
