package io.animo.sanction.domain;

public enum AppealDecision {
    UPHOLD, OVERTURN
}
