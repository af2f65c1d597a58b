package io.animo.member.domain;

public enum MemberStatus {
    ACTIVE, MUTED, BANNED
}
