package io.animo.community.domain;

public enum CommunityOrder {
    CREATED_AT_DESC, NAME_ASC
}
