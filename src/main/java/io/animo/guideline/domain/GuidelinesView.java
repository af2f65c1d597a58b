package io.animo.guideline.domain;

import java.util.List;
import java.util.UUID;

/** A community's guidelines in order, as one viewer sees them (with what they acknowledged). */
public record GuidelinesView(UUID communityId, int revision, boolean acknowledgementRequired,
        Integer viewerAcknowledgedRevision, List<GuidelineView> items) {

    /** The same rule as the posting gate: required, something to read, and not read since the last change. */
    public boolean viewerMustAcknowledge() {
        return acknowledgementRequired && !items.isEmpty()
                && (viewerAcknowledgedRevision == null || viewerAcknowledgedRevision < revision);
    }
}
