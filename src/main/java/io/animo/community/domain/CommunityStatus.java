package io.animo.community.domain;

public enum CommunityStatus {
    ACTIVE, ARCHIVED
}
