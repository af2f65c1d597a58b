package io.animo.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Opaque global ids: base64url of {@code Type:uuid}. Clients must treat them as opaque; the type
 * prefix lets {@code node(id:)} dispatch and stops an id of one type being used as another.
 */
public record GlobalId(String type, UUID uuid) {

    public static String encode(String type, UUID uuid) {
        String raw = type + ":" + uuid;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Optional<GlobalId> decode(String id) {
        if (id == null || id.length() > 100) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(id), StandardCharsets.UTF_8);
            int colon = raw.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new GlobalId(raw.substring(0, colon), UUID.fromString(raw.substring(colon + 1))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Stands for an id that names nothing of the expected type: it matches no row, so lookups find nothing. */
    public static final UUID NONE = new UUID(0, 0);

    /** The uuid when {@code id} is a global id of {@code expectedType}. */
    public static Optional<UUID> decode(String id, String expectedType) {
        return decode(id).filter(g -> g.type().equals(expectedType)).map(GlobalId::uuid);
    }

    /**
     * For an optional id argument: null when the client gave none, its uuid when it is a global id of
     * {@code expectedType}, else {@link #NONE} (another type, or no global id at all), which is then simply not found.
     */
    public static UUID optional(String id, String expectedType) {
        return id == null ? null : decode(id, expectedType).orElse(NONE);
    }

    /** For a required id argument: its uuid when it is a global id of {@code expectedType}, else {@link #NONE}. */
    public static UUID required(String id, String expectedType) {
        return decode(id, expectedType).orElse(NONE);
    }
}
