package io.animo.alert.domain;

/** OPEN when raised, ACKNOWLEDGED once someone took it, RESOLVED when it is over. */
public enum AlertStatus {
    OPEN, ACKNOWLEDGED, RESOLVED
}
