package io.animo.moderation.domain;

public enum QueueOrder {
    PRIORITY, AGE
}
