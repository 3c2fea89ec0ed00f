package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * Catalogue search for citizens (issue 16) over the generated catalogue of 2,000 procedures and the demo's: every
 * expected total, order and count is computed here from the procedures in the database, folded as {@link SearchText}
 * folds (its own tests pin the folding), so the SQL's matching, ranking and paging are what is checked.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcedureSearchTests {

    static final String SEARCH = "/api/procedures/search";

    record Row(String code, String name, String sector, String agencyCode, String onlineLevel) {

        String text() {
            return SearchText.fold(code + " " + name + " " + sector);
        }

        String foldedName() {
            return SearchText.fold(name);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    SearchMapper searchMapper;

    Api api;
    List<Row> catalogue;

    @BeforeAll
    void importTheGeneratedCatalogue() {
        api = new Api(port);
        removeTheGeneratedCatalogue();
        Api.Reply imported = api.post(CatalogueImportTests.IMPORTS, "admin", GeneratedCatalogue.procedures(2000));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        catalogue = sql.query(
                """
                select code, name, sector, agency_code, online_level
                  from catalog_procedure
                 where handoff_only = false and search_text is not null
                """,
                (rs, i) ->
                        new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    @AfterAll
    void removeTheGeneratedCatalogue() {
        for (String table : List.of("catalog_version_step_budget", "catalog_version_component")) {
            sql.update("delete from " + table + " where procedure_code like '9.%'");
        }
        sql.update("delete from catalog_procedure_version where procedure_code like '9.%'");
        sql.update("delete from catalog_step_budget where procedure_code like '9.%'");
        sql.update("delete from catalog_component where procedure_code like '9.%'");
        sql.update("delete from catalog_procedure where code like '9.%'");
        // by hand in SQL: the search index on this node learns it from the generation
        sql.update("update catalog_generation set generation = generation + 1");
        sql.update("delete from catalog_import where id not in (select import_id from catalog_procedure_version"
                + " where import_id is not null)");
    }

    @Test
    void everyImportedProcedureAndEveryDemoProcedureHasItsFoldedText() {
        assertThat(sql.queryForObject(
                        "select count(*) from catalog_procedure where code like '9.%' and search_text is not null",
                        Integer.class))
                .isEqualTo(2000);
        assertThat(sql.queryForObject(
                        "select search_text from catalog_procedure where code = '1.009994.H43'", String.class))
                .isEqualTo("1.009994.h43 cap giay phep xay dung moi doi voi nha o rieng le hoat dong xay dung");
    }

    /**
     * Each node holds the catalogue in memory: a second index on the same database (another node's) finds a procedure
     * imported through this node at its very next search, and loses one removed, without waiting for anything.
     */
    @Test
    void anotherNodeFindsAProcedureImportedHereAtItsNextSearch() {
        SearchIndex otherNode = new SearchIndex(searchMapper);
        assertThat(otherNode.rows()).hasSize(catalogue.size());
        Map<String, Object> added = GeneratedCatalogue.procedure(2001);

        Api.Reply imported = api.post(CatalogueImportTests.IMPORTS, "admin", List.of(added));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);

        assertThat(otherNode.rows()).hasSize(catalogue.size() + 1);
        SearchIndex.Row row = otherNode.rows().stream()
                .filter(r -> r.code().equals(GeneratedCatalogue.code(2001)))
                .findFirst()
                .orElseThrow();
        assertThat(row.name()).isEqualTo(added.get("name"));
        assertThat(row.searchText())
                .isEqualTo(SearchText.of(row.code(), row.name(), row.sector()).text());
        assertThat(search("q=" + GeneratedCatalogue.code(2001))
                        .body()
                        .path("total")
                        .asLong())
                .isEqualTo(1);

        for (String table : List.of(
                "catalog_version_component",
                "catalog_version_step_budget",
                "catalog_procedure_version",
                "catalog_component",
                "catalog_step_budget")) {
            sql.update("delete from " + table + " where procedure_code = ?", GeneratedCatalogue.code(2001));
        }
        sql.update("delete from catalog_procedure where code = ?", GeneratedCatalogue.code(2001));
        sql.update("update catalog_generation set generation = generation + 1");
        assertThat(otherNode.rows()).hasSize(catalogue.size());
        assertThat(search("q=" + GeneratedCatalogue.code(2001))
                        .body()
                        .path("total")
                        .asLong())
                .isZero();
    }

    @Test
    void findsEveryWordWithoutDiacriticsTheNamesHoldingThemFirst() {
        JsonNode page = search("q=xay dung").body();

        List<Row> expected = ranked("xay dung", r -> true);
        assertThat(expected).hasSizeGreaterThan(100);
        assertThat(page.path("total").asLong()).isEqualTo(expected.size());
        assertThat(codes(page)).isEqualTo(codes(expected, 0, 20));
        assertThat(page.path("items").get(0).path("name").asText()).containsIgnoringCase("xây dựng");
        assertThat(page.path("items").get(0).path("score").asInt()).isEqualTo(2);
        assertThat(names(search("q=xay dung&size=100").body()))
                .contains("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ", "Cấp giấy phép xây dựng nhà ở riêng lẻ");
    }

    @Test
    void answersTheSameWithDiacriticsAndInUpperCase() {
        JsonNode plain = search("q=xay dung&size=50").body();

        assertThat(search("q=xây dựng&size=50").body()).isEqualTo(plain);
        assertThat(search("q=XÂY DỰNG&size=50").body()).isEqualTo(plain);
        assertThat(search("q=  Xây   DỰNG ,&size=50").body()).isEqualTo(plain);
    }

    @Test
    void findsDangKyKhaiSinhWithAndWithoutDiacriticsANameStartingWithItFirst() {
        JsonNode plain = search("q=dang ky khai sinh").body();

        assertThat(plain.path("total").asLong())
                .isEqualTo(ranked("dang ky khai sinh", r -> true).size());
        assertThat(codes(plain)).isEqualTo(codes(ranked("dang ky khai sinh", r -> true), 0, 20));
        assertThat(plain.path("items").get(0).path("name").asText()).startsWith("Đăng ký khai sinh");
        assertThat(plain.path("items").get(0).path("score").asInt()).isEqualTo(3);
        assertThat(search("q=Đăng ký khai sinh").body()).isEqualTo(plain);
    }

    @Test
    void findsAProcedureByItsCodeFirst() {
        JsonNode byPrefix = search("q=1.009994").body();
        assertThat(byPrefix.path("items").get(0).path("code").asText()).isEqualTo("1.009994.H43");
        assertThat(byPrefix.path("items").get(0).path("score").asInt()).isEqualTo(4);

        JsonNode exact = search("q=" + GeneratedCatalogue.code(7)).body();
        assertThat(exact.path("total").asLong()).isEqualTo(1);
        JsonNode item = exact.path("items").get(0);
        assertThat(item.path("code").asText()).isEqualTo("9.000007.H43");
        assertThat(item.path("name").asText())
                .isEqualTo("Chứng thực chữ ký trong giấy tờ, văn bản (trường hợp cấp lại)");
        assertThat(item.path("sector").asText()).isEqualTo("Chứng thực");
        assertThat(item.path("onlineLevel").asText()).isEqualTo("PARTIAL");
        assertThat(item.path("legalTime").asInt()).isEqualTo(8);
        assertThat(item.path("timeUnit").asText()).isEqualTo("WORKING_HOURS");
        assertThat(item.path("version").asInt()).isEqualTo(1);
        assertThat(item.path("agencyName").asText()).isNotBlank();
        assertThat(item.path("score").asInt()).isEqualTo(5);
    }

    @Test
    void filtersBySectorAndLevelAndCountsEverySectorOfTheMatchBeforeTheSectorFilter() {
        JsonNode page = search("q=dang ky&sector=Hộ tịch&level=FULL&size=100").body();

        Predicate<Row> full = r -> r.onlineLevel().equals("FULL");
        List<Row> expected = ranked("dang ky", full.and(r -> r.sector().equals("Hộ tịch")));
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(page.path("total").asLong()).isEqualTo(expected.size());
        assertThat(codes(page)).isEqualTo(codes(expected, 0, 100));
        assertThat(sectors(page)).isEqualTo(counts(ranked("dang ky", full)));
        assertThat(sectors(page)).containsKeys("Hộ tịch", "Thành lập và hoạt động doanh nghiệp");
        assertThat(sectors(search("q=dang ky&level=full").body())).isEqualTo(sectors(page));
    }

    @Test
    void filtersByAgency() {
        JsonNode page = search("q=giay phep&agency=000.00.12.H43").body();

        List<Row> expected = ranked("giay phep", r -> r.agencyCode().equals("000.00.12.H43"));
        assertThat(page.path("total").asLong()).isEqualTo(expected.size());
        assertThat(codes(page)).isEqualTo(codes(expected, 0, 20));
    }

    @Test
    void answersTheThirdPageOfAKnownTotal() {
        List<Row> expected = ranked("giay phep", r -> true);

        JsonNode third = search("q=giay phep&page=2&size=7").body();

        assertThat(third.path("total").asLong()).isEqualTo(expected.size());
        assertThat(third.path("page").asInt()).isEqualTo(2);
        assertThat(third.path("size").asInt()).isEqualTo(7);
        assertThat(codes(third)).isEqualTo(codes(expected, 14, 21));
        assertThat(search("q=giay phep&page=1000&size=7").body().path("items")).isEmpty();
    }

    @Test
    void listsEveryProcedureOneMayFileWithoutAQuery() {
        JsonNode page = search("size=5").body();

        assertThat(page.path("total").asLong()).isEqualTo(catalogue.size());
        assertThat(codes(page)).isEqualTo(codes(ranked("", r -> true), 0, 5));
    }

    @Test
    void refusesBadParametersInBothLanguages() {
        assertRefused("size=0", "từ 1 đến 100", "from 1 to 100");
        assertRefused("size=101", "từ 1 đến 100", "from 1 to 100");
        assertRefused("page=-1", "không được âm", "must not be negative");
        assertRefused("level=ALL", "FULL (toàn trình) hoặc PARTIAL", "no online service level");
        assertRefused("q=" + "x".repeat(201), "dài quá 200 ký tự", "longer than 200 characters");
        assertThat(search("page=abc").status()).isEqualTo(400);
    }

    @Test
    void leavesTheListForExistingClientsAsItWas() {
        JsonNode list = api.get("/api/procedures?q=1.009994").body();

        assertThat(list.isArray()).isTrue();
        assertThat(list.get(0).path("code").asText()).isEqualTo("1.009994.H43");
        assertThat(list.get(0).path("components")).isNotEmpty();
    }

    private void assertRefused(String parameters, String vietnamese, String english) {
        Api.Reply reply = search(parameters);
        assertThat(reply.status()).as(parameters).isEqualTo(400);
        assertThat(reply.body().path("message").asText()).contains(vietnamese);
        assertThat(reply.body().path("messageEn").asText()).contains(english);
    }

    private Api.Reply search(String parameters) {
        return api.get(SEARCH + "?" + parameters);
    }

    /** The reference: every folded word in the folded text, ranked as the endpoint documents. */
    private List<Row> ranked(String query, Predicate<Row> filter) {
        List<String> words = SearchText.words(query);
        String folded = String.join(" ", words);
        return catalogue.stream()
                .filter(filter)
                .filter(r -> words.stream().allMatch(w -> r.text().contains(w)))
                .sorted(Comparator.comparingInt((Row r) -> -score(r, folded, words))
                        .thenComparing(Row::foldedName)
                        .thenComparing(Row::code))
                .toList();
    }

    private static int score(Row row, String folded, List<String> words) {
        String code = row.code().toLowerCase(java.util.Locale.ROOT);
        if (folded.isEmpty()) {
            return 1;
        }
        if (code.equals(folded)) {
            return 5;
        }
        if (code.startsWith(folded)) {
            return 4;
        }
        if (row.foldedName().startsWith(folded)) {
            return 3;
        }
        return words.stream().allMatch(w -> row.foldedName().contains(w)) ? 2 : 1;
    }

    private static List<String> codes(List<Row> rows, int from, int to) {
        return rows.subList(Math.min(from, rows.size()), Math.min(to, rows.size())).stream()
                .map(Row::code)
                .toList();
    }

    private static List<String> codes(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("code").asText())
                .toList();
    }

    private static List<String> names(JsonNode page) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path("name").asText())
                .toList();
    }

    private static Map<String, Long> sectors(JsonNode page) {
        Map<String, Long> counts = new LinkedHashMap<>();
        page.path("sectors")
                .forEach(s ->
                        counts.put(s.path("sector").asText(), s.path("count").asLong()));
        return counts;
    }

    private static Map<String, Long> counts(List<Row> rows) {
        return rows.stream().collect(Collectors.groupingBy(Row::sector, LinkedHashMap::new, Collectors.counting()));
    }
}
