package io.animo.platform.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset query. The query fetched {@link PageRequest#fetchSize()} rows in its scan
 * direction; this trims the extra row, restores the display order and computes {@link PageInfo}.
 */
public record Page<T>(List<T> items, PageInfo pageInfo, long totalCount) {

    public static <T> Page<T> of(List<T> scanned, PageRequest request, Function<T, Cursor> cursorOf, long totalCount) {
        boolean more = scanned.size() > request.size();
        List<T> rows = new ArrayList<>(more ? scanned.subList(0, request.size()) : scanned);
        if (request.backward()) {
            Collections.reverse(rows);
        }
        boolean hasNext = request.backward() ? request.before() != null : more;
        boolean hasPrevious = request.backward() ? more : request.after() != null;
        String start = rows.isEmpty() ? null : cursorOf.apply(rows.get(0)).encode();
        String end = rows.isEmpty() ? null : cursorOf.apply(rows.get(rows.size() - 1)).encode();
        return new Page<>(rows, new PageInfo(hasNext, hasPrevious, start, end), totalCount);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), new PageInfo(false, false, null, null), 0);
    }

    public <R> List<R> map(Function<T, R> mapper) {
        return items.stream().map(mapper).toList();
    }
}
