package io.animo.sanction.domain;

/** A sanction with its appeal (null when none was filed). */
public record SanctionView(SanctionEntity sanction, AppealEntity appeal) {
}
