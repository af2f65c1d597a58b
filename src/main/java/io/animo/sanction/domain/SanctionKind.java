package io.animo.sanction.domain;

public enum SanctionKind {
    WARN, MUTE, BAN
}
