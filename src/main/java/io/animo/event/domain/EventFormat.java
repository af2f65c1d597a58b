package io.animo.event.domain;

/** Where an event happens: online (a join URL), in person (a location), or both. */
public enum EventFormat {
    ONLINE, IN_PERSON, HYBRID
}
