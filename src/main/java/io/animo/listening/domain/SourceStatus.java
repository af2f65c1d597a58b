package io.animo.listening.domain;

public enum SourceStatus {
    ACTIVE, PAUSED
}
