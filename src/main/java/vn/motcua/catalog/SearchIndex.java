package vn.motcua.catalog;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.calendar.TimeUnit;

/**
 * The searchable catalogue held in memory on each node: a few thousand procedures, folded once. A search reads
 * {@code catalog_generation} by its primary key and reloads the whole catalogue only when the number changed (an
 * import, a version coming in force, folded text filled in: each raises it in its own transaction, so the number read
 * after a commit is never older than the rows) or when the copy is older than {@link #MAX_AGE_NANOS}, which also
 * catches what someone changed by hand in SQL.
 */
@Component
class SearchIndex {

    /** A copy is reloaded after five minutes even when the number did not change. */
    static final long MAX_AGE_NANOS = 5L * 60 * 1_000_000_000;

    /** One procedure as {@link SearchMapper#searchable()} reads it. */
    record Row(
            String code,
            String name,
            String sector,
            String agencyCode,
            String agencyName,
            Procedure.OnlineLevel onlineLevel,
            int legalTime,
            TimeUnit timeUnit,
            int version,
            String searchName,
            String searchText) {

        String foldedCode() {
            return code.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Copy(long generation, long loadedAt, List<Row> rows) {}

    private final SearchMapper search;
    private volatile Copy copy;

    SearchIndex(SearchMapper search) {
        this.search = search;
    }

    /** The catalogue as committed (the generation is read before the rows: a copy is never newer than its number). */
    List<Row> rows() {
        long generation = search.generation();
        Copy current = copy;
        if (fresh(current, generation)) {
            return current.rows();
        }
        synchronized (this) {
            current = copy;
            if (!fresh(current, generation)) {
                current = new Copy(generation, System.nanoTime(), List.copyOf(search.searchable()));
                copy = current;
            }
            return current.rows();
        }
    }

    private static boolean fresh(Copy copy, long generation) {
        return copy != null && copy.generation() == generation && System.nanoTime() - copy.loadedAt() < MAX_AGE_NANOS;
    }
}
