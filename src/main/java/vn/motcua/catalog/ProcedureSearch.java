package vn.motcua.catalog;

import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import vn.motcua.api.UserError;
import vn.motcua.calendar.TimeUnit;

/**
 * Catalogue search for citizens (issue 16): every word of the query, with or without diacritics, in a procedure's code,
 * name or sector; ranked (the code itself, a code or a name starting with the query, every word in the name, the rest;
 * then by folded name); one page of the version in force and the counts per sector, in two statements.
 */
@Service
class ProcedureSearch {

    static final int MAX_SIZE = 100;
    static final int MAX_QUERY = 200;

    /** What {@link SearchMapper} binds: the query folded, as LIKE patterns, and the filters. */
    record Query(
            String folded,
            String startsWith,
            List<String> contains,
            String agency,
            String sector,
            String level,
            int size,
            long offset) {}

    record Item(
            String code,
            String name,
            String sector,
            String agencyCode,
            String agencyName,
            Procedure.OnlineLevel onlineLevel,
            int legalTime,
            TimeUnit timeUnit,
            int version,
            int score) {}

    record SectorCount(String sector, long count) {}

    /** {@code total}: the matches in the chosen sector (all sectors when none is chosen); {@code sectors}: all. */
    record Page(long total, int page, int size, List<Item> items, List<SectorCount> sectors) {}

    private final SearchMapper search;

    ProcedureSearch(SearchMapper search) {
        this.search = search;
    }

    Page search(String q, String sector, String agency, String level, int page, int size) {
        Query query = query(q, blankToNull(sector), blankToNull(agency), onlineLevel(level), page, size);
        List<SectorCount> sectors = search.sectors(query);
        long total = sectors.stream()
                .filter(s -> query.sector() == null || s.sector().equals(query.sector()))
                .mapToLong(SectorCount::count)
                .sum();
        List<Item> items = query.offset() < total ? search.page(query) : List.of();
        return new Page(total, page, size, items, sectors);
    }

    private static Query query(String q, String sector, String agency, String level, int page, int size) {
        if (size < 1 || size > MAX_SIZE) {
            throw UserError.badRequest(
                    "Số thủ tục mỗi trang (size) phải từ 1 đến " + MAX_SIZE + ".",
                    "The page size (size) must be from 1 to " + MAX_SIZE + ".");
        }
        if (page < 0) {
            throw UserError.badRequest(
                    "Số trang (page) không được âm: trang đầu là 0.",
                    "The page (page) must not be negative: 0 is the first.");
        }
        if (q != null && q.length() > MAX_QUERY) {
            throw UserError.badRequest(
                    "Từ khóa tìm kiếm dài quá " + MAX_QUERY + " ký tự.",
                    "The search text is longer than " + MAX_QUERY + " characters.");
        }
        List<String> words = q == null ? List.of() : SearchText.words(q);
        String folded = words.isEmpty() ? null : String.join(" ", words);
        return new Query(
                folded,
                folded == null ? null : escaped(folded) + "%",
                words.stream().map(w -> "%" + escaped(w) + "%").toList(),
                agency,
                sector,
                level,
                size,
                (long) page * size);
    }

    private static String onlineLevel(String level) {
        if (level == null || level.isBlank()) {
            return null;
        }
        try {
            return Procedure.OnlineLevel.valueOf(level.trim().toUpperCase(Locale.ROOT))
                    .name();
        } catch (IllegalArgumentException e) {
            throw UserError.badRequest(
                    "Mức độ dịch vụ công trực tuyến (level) \"" + level + "\" không có: FULL (toàn trình) hoặc PARTIAL"
                            + " (một phần).",
                    "There is no online service level (level) \"" + level + "\": FULL or PARTIAL.");
        }
    }

    // "!" escapes LIKE's wildcards alike on MariaDB and H2 (a backslash would need doubling on one of them only)
    private static String escaped(String word) {
        return word.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
