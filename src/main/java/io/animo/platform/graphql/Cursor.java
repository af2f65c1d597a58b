package io.animo.platform.graphql;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Keyset cursor: the ordering it belongs to (a list and its sort order), the sort value of a row and its
 * id, base64url-encoded. Opaque to clients. A cursor that does not decode, or that another list or
 * ordering produced, is a {@link BadRequestException}, never an internal error.
 */
public record Cursor(String ordering, String sortValue, UUID id) {

    private static final String VERSION = "c2";
    private static final int MAX_LENGTH = 1_000;

    public String encode() {
        String raw = VERSION + "\n" + ordering + "\n" + sortValue + "\n" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Any well-formed cursor, whatever its ordering: what a connection checks first. */
    static Cursor decode(String cursor) {
        try {
            if (cursor.length() > MAX_LENGTH) {
                throw invalid();
            }
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            return new Cursor(parts[1], parts[2], UUID.fromString(parts[3]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A cursor of {@code ordering}, or BAD_REQUEST. */
    static Cursor decode(String cursor, String ordering) {
        Cursor decoded = decode(cursor);
        if (!decoded.ordering().equals(ordering)) {
            throw new BadRequestException("This cursor belongs to another list or ordering. Use a cursor returned by this"
                    + " connection, with the same orderBy.");
        }
        return decoded;
    }

    private static BadRequestException invalid() {
        return new BadRequestException("The cursor is not valid. Use a cursor returned by this connection.");
    }

    public Instant sortInstant() {
        return instant(sortValue);
    }

    /** The parts of a sort value made of several ({@code score|time}), exactly {@code count} of them. */
    public String[] sortParts(int count) {
        String[] parts = sortValue.split("\\|", -1);
        if (parts.length != count) {
            throw invalid();
        }
        return parts;
    }

    static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    static int integer(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }
}
