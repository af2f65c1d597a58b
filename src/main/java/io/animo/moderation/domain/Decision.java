package io.animo.moderation.domain;

public enum Decision {
    APPROVE, REMOVE, ESCALATE
}
