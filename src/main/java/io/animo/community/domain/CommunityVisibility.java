package io.animo.community.domain;

public enum CommunityVisibility {
    PUBLIC, PRIVATE
}
