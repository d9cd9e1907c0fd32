package io.supportplatform.sla.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/** One column of a batch as an array parameter, for the {@code unnest(...)} statements of the batch writes. */
final class Columns {

    private Columns() {
    }

    static <T, C> C[] of(List<T> rows, Function<T, C> value, IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    /** The reactive PostgreSQL client binds timestamptz as OffsetDateTime. */
    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
