package io.animo.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset cursor: the sort value of a row plus its id, base64url-encoded. Opaque to clients; a
 * cursor that does not decode is a {@link BadRequestException}.
 */
public record Cursor(String sortValue, UUID id) {

    private static final String VERSION = "c1";

    public String encode() {
        String raw = VERSION + "\n" + sortValue + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static Cursor decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0])) {
                throw new BadRequestException("The cursor is not valid. Use a cursor returned by this connection.");
            }
            return new Cursor(parts[1], UUID.fromString(parts[2]));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("The cursor is not valid. Use a cursor returned by this connection.");
        }
    }

    public Instant sortInstant() {
        try {
            return Instant.parse(sortValue);
        } catch (RuntimeException e) {
            throw new BadRequestException("The cursor does not belong to this ordering.");
        }
    }
}
