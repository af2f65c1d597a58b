package io.animo.metrics.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A community whose figures the aggregator just changed, as announced to every replica. The payload of a
 * notification is {@code <watermark>;<tenant>:<community>,…} and stays under PostgreSQL's 8,000 bytes: a long list
 * is cut into several notifications.
 */
public record ScopeChange(UUID tenantId, UUID communityId) {

    static List<String> payloads(List<ScopeChange> changes, String watermark, int maxBytes) {
        List<String> payloads = new ArrayList<>();
        StringBuilder current = new StringBuilder(watermark).append(';');
        int header = current.length();
        for (ScopeChange change : changes) {
            String pair = change.tenantId() + ":" + change.communityId();
            if (current.length() > header && current.length() + pair.length() + 1 > maxBytes) {
                payloads.add(current.toString());
                current = new StringBuilder(watermark).append(';');
            }
            if (current.length() > header) {
                current.append(',');
            }
            current.append(pair);
        }
        payloads.add(current.toString());
        return payloads;
    }

    /** The changes of one payload, and the watermark that counts them; malformed pairs are left out. */
    static Announcement parse(String payload) {
        int semicolon = payload.indexOf(';');
        List<ScopeChange> changes = new ArrayList<>();
        if (semicolon < 0) {
            return new Announcement(payload, changes);
        }
        for (String pair : payload.substring(semicolon + 1).split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                try {
                    changes.add(new ScopeChange(UUID.fromString(pair.substring(0, colon)),
                            UUID.fromString(pair.substring(colon + 1))));
                } catch (IllegalArgumentException ignored) {
                    // not ours: nothing to refresh for it
                }
            }
        }
        return new Announcement(payload.substring(0, semicolon), changes);
    }

    /** What one notification says: the watermark of the counts, and the communities they changed. */
    record Announcement(String watermark, List<ScopeChange> changes) {
    }
}
