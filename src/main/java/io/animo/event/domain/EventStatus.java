package io.animo.event.domain;

public enum EventStatus {
    SCHEDULED, CANCELLED
}
