package io.animo.alert.domain;

/** What spiked in a community's minute figures. */
public enum AlertKind {
    /** Messages posted. */
    VOLUME_SPIKE,
    /** The share of messages and mentions that read negative. */
    NEGATIVE_SHARE_SPIKE,
    /** Reports of messages. */
    REPORTS_SPIKE,
    /** New members joining. */
    NEW_MEMBER_SURGE
}
