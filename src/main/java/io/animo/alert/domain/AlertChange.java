package io.animo.alert.domain;

/** What a live alert event says: a new alert, or a change of one (a larger spike, its status, its response). */
public enum AlertChange {
    RAISED, UPDATED
}
