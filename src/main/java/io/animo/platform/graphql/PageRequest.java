package io.animo.platform.graphql;

/**
 * Validated Relay pagination arguments. Forward ({@code first/after}) or backward
 * ({@code last/before}); never both. {@code size} is capped by {@code animo.graphql.max-page-size}.
 * Cursors are checked for form here and for their ordering by the list that reads them
 * ({@link #cursor(String)}).
 */
public record PageRequest(int size, String after, String before, boolean backward) {

    public static final int DEFAULT_SIZE = 20;

    public static PageRequest of(Integer first, String after, Integer last, String before, int maxSize) {
        if (first != null && last != null) {
            throw new BadRequestException("Pass either first or last, not both.");
        }
        if ((first != null && before != null) || (last != null && after != null)) {
            throw new BadRequestException("Page forward with first/after or backward with last/before; do not mix them.");
        }
        Integer requested = first != null ? first : last;
        if (requested != null && (requested < 0 || requested > maxSize)) {
            throw new BadRequestException("first and last must be between 0 and " + maxSize + ".");
        }
        if (after != null) {
            Cursor.decode(after);
        }
        if (before != null) {
            Cursor.decode(before);
        }
        boolean backward = last != null || (first == null && before != null);
        int size = requested != null ? requested : DEFAULT_SIZE;
        return new PageRequest(size, after, before, backward);
    }

    /** The cursor the page continues from (before when paging backward, after when forward), of {@code ordering}; null on a first page. */
    public Cursor cursor(String ordering) {
        String raw = backward ? before : after;
        return raw == null ? null : Cursor.decode(raw, ordering);
    }

    /** One more row than asked tells whether another page exists. */
    public int fetchSize() {
        return size + 1;
    }
}
