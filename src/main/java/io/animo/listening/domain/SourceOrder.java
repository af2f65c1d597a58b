package io.animo.listening.domain;

/** How sources are ranked: by mentions, by their share of positive or negative mentions, or by estimated reach. */
public enum SourceOrder {
    VOLUME, POSITIVE_SHARE, NEGATIVE_SHARE, REACH
}
