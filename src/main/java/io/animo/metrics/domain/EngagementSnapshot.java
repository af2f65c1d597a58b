package io.animo.metrics.domain;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The figures of a scope over its last {@code windowMinutes} minutes (the current minute included), as pushed to
 * live subscribers; {@code resumeToken} names this very state.
 */
public record EngagementSnapshot(UUID communityId, int windowMinutes, Instant at, Map<Metric, Long> counts,
        long activeMembers, String resumeToken) {

    /** A snapshot whose resume token is made from its figures (and scope): the same figures, the same token. */
    static EngagementSnapshot of(UUID communityId, int windowMinutes, Instant at, Map<Metric, Long> counts,
            long activeMembers) {
        String figures = communityId + "/" + windowMinutes + "/" + new java.util.TreeMap<>(counts) + "/" + activeMembers;
        String token = java.util.HexFormat.of().formatHex(sha256(figures), 0, 12);
        return new EngagementSnapshot(communityId, windowMinutes, at, Map.copyOf(counts), activeMembers, token);
    }

    private static byte[] sha256(String text) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long count(Metric metric) {
        return counts.getOrDefault(metric, 0L);
    }
}
