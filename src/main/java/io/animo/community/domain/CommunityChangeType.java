package io.animo.community.domain;

public enum CommunityChangeType {
    CREATED, UPDATED, ARCHIVED, MODES_CHANGED
}
