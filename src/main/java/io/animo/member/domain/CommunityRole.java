package io.animo.member.domain;

public enum CommunityRole {
    OWNER, MODERATOR, MEMBER
}
