package io.animo.platform.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.RowSet;

/** Small helpers for repositories that read rows with the SQL client: the first row, all rows, timestamps. */
public final class Rows {

    private Rows() {
    }

    /** The first row as {@code mapper} makes it, or null when there is none. */
    public static <T> T first(RowSet<Row> rows, Function<Row, T> mapper) {
        RowIterator<Row> iterator = rows.iterator();
        return iterator.hasNext() ? mapper.apply(iterator.next()) : null;
    }

    public static <T> List<T> all(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> found = new ArrayList<>(rows.size());
        for (Row row : rows) {
            found.add(mapper.apply(row));
        }
        return found;
    }

    /** {@code columns} ("a, b, c") each qualified by the table alias {@code alias} ("t.a, t.b, t.c"). */
    public static String qualified(String alias, String columns) {
        StringBuilder qualified = new StringBuilder();
        for (String column : columns.split(",")) {
            qualified.append(qualified.length() == 0 ? "" : ", ").append(alias).append('.').append(column.strip());
        }
        return qualified.toString();
    }

    /** How many columns {@code columns} ("a, b, c") names. */
    public static int count(String columns) {
        return columns.split(",").length;
    }

    /** A {@code timestamptz} column as an instant (null stays null). */
    public static Instant instant(Row row, int column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    /** An instant as a {@code timestamptz} parameter (null stays null). */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
