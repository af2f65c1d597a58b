package io.animo.guideline.domain;

import java.util.List;

/** A guideline with its previous versions, newest first. */
public record GuidelineView(GuidelineEntity guideline, List<GuidelineRevisionEntity> history) {
}
