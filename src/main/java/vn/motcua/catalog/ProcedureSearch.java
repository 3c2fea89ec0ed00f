package vn.motcua.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.motcua.api.UserError;
import vn.motcua.calendar.TimeUnit;

/**
 * Catalogue search for citizens (issue 16): every word of the query, with or without diacritics, in a procedure's code,
 * name or sector; ranked (the code itself, a code or a name starting with the query, every word in the name, the rest;
 * then by folded name and code); one page of the version in force and the counts per sector. It runs over the
 * {@link SearchIndex}, the catalogue held in memory, so that a search costs one primary-key read of the database.
 */
@Service
class ProcedureSearch {

    static final int MAX_SIZE = 100;
    static final int MAX_QUERY = 200;

    /** The query folded into its words, and the filters. */
    record Query(
            String folded, List<String> words, String agency, String sector, String level, int size, long offset) {}

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

    private record Scored(SearchIndex.Row row, int score) {}

    private static final Comparator<Scored> RANK = Comparator.comparingInt((Scored s) -> -s.score())
            .thenComparing(s -> s.row().searchName())
            .thenComparing(s -> s.row().code());

    private static final Comparator<SectorCount> BY_COUNT = Comparator.comparingLong((SectorCount s) -> -s.count())
            .thenComparing(s -> SearchText.fold(s.sector()))
            .thenComparing(SectorCount::sector);

    private final SearchIndex index;

    ProcedureSearch(SearchIndex index) {
        this.index = index;
    }

    Page search(String q, String sector, String agency, String level, int page, int size) {
        Query query = query(q, blankToNull(sector), blankToNull(agency), onlineLevel(level), page, size);
        List<SearchIndex.Row> matching = index.rows().stream()
                .filter(row -> query.words().stream().allMatch(row.searchText()::contains))
                .filter(row -> query.agency() == null || row.agencyCode().equalsIgnoreCase(query.agency()))
                .filter(row -> query.level() == null || row.onlineLevel().name().equals(query.level()))
                .toList();
        // the counts per sector of the whole match, before the sector filter: the other sectors stay choosable
        List<SectorCount> sectors = matching.stream()
                .collect(Collectors.groupingBy(SearchIndex.Row::sector, Collectors.counting()))
                .entrySet()
                .stream()
                .map(e -> new SectorCount(e.getKey(), e.getValue()))
                .sorted(BY_COUNT)
                .toList();
        List<Scored> chosen = matching.stream()
                .filter(row -> query.sector() == null || row.sector().equals(query.sector()))
                .map(row -> new Scored(row, score(row, query)))
                .sorted(RANK)
                .toList();
        List<Item> items = chosen.stream()
                .skip(query.offset())
                .limit(query.size())
                .map(ProcedureSearch::item)
                .toList();
        return new Page(chosen.size(), page, size, items, sectors);
    }

    /** 5 the code itself, 4 a code starting with the query, 3 a name starting with it, 2 every word in the name. */
    private static int score(SearchIndex.Row row, Query query) {
        if (query.folded() == null) {
            return 1;
        }
        String code = row.foldedCode();
        if (code.equals(query.folded())) {
            return 5;
        }
        if (code.startsWith(query.folded())) {
            return 4;
        }
        if (row.searchName().startsWith(query.folded())) {
            return 3;
        }
        return query.words().stream().allMatch(row.searchName()::contains) ? 2 : 1;
    }

    private static Item item(Scored scored) {
        SearchIndex.Row r = scored.row();
        return new Item(
                r.code(),
                r.name(),
                r.sector(),
                r.agencyCode(),
                r.agencyName(),
                r.onlineLevel(),
                r.legalTime(),
                r.timeUnit(),
                r.version(),
                scored.score());
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
        return new Query(folded, words, agency, sector, level, size, (long) page * size);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
