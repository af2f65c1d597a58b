package io.animo.platform.graphql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One page of a keyset query. The query fetched {@link PageRequest#fetchSize()} rows in its scan
 * direction; this trims the extra row, restores the display order, and computes each row's cursor
 * (with the ordering it belongs to) and {@link PageInfo}, once, for the connection's edges.
 */
public record Page<T>(List<T> items, List<String> cursors, PageInfo pageInfo, long totalCount) {

    public static <T> Page<T> of(List<T> scanned, PageRequest request, Function<T, Cursor> cursorOf, long totalCount) {
        boolean more = scanned.size() > request.size();
        List<T> rows = new ArrayList<>(more ? scanned.subList(0, request.size()) : scanned);
        if (request.backward()) {
            Collections.reverse(rows);
        }
        List<String> cursors = rows.stream().map(row -> cursorOf.apply(row).encode()).toList();
        boolean hasNext = request.backward() ? request.before() != null : more;
        boolean hasPrevious = request.backward() ? more : request.after() != null;
        String start = cursors.isEmpty() ? null : cursors.get(0);
        String end = cursors.isEmpty() ? null : cursors.get(cursors.size() - 1);
        return new Page<>(rows, cursors, new PageInfo(hasNext, hasPrevious, start, end), totalCount);
    }

    public static <T> Page<T> empty() {
        return new Page<>(List.of(), List.of(), new PageInfo(false, false, null, null), 0);
    }

    /** The edges of a connection: each row with its cursor. */
    public <E> List<E> edges(BiFunction<String, T, E> edge) {
        List<E> edges = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            edges.add(edge.apply(cursors.get(i), items.get(i)));
        }
        return edges;
    }

    /** The same page (cursors included) of other objects made from these rows. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), cursors, pageInfo, totalCount);
    }
}
