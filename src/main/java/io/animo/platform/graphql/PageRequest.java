package io.animo.platform.graphql;

/**
 * Validated Relay pagination arguments. Forward ({@code first/after}) or backward
 * ({@code last/before}); never both. {@code size} is capped by {@code animo.graphql.max-page-size}.
 */
public record PageRequest(int size, Cursor after, Cursor before, boolean backward) {

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
        boolean backward = last != null || (first == null && before != null);
        int size = requested != null ? requested : DEFAULT_SIZE;
        return new PageRequest(size,
                after == null ? null : Cursor.decode(after),
                before == null ? null : Cursor.decode(before),
                backward);
    }

    /** One more row than asked tells whether another page exists. */
    public int fetchSize() {
        return size + 1;
    }
}
