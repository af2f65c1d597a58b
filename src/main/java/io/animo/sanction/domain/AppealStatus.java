package io.animo.sanction.domain;

public enum AppealStatus {
    PENDING, UPHELD, OVERTURNED
}
