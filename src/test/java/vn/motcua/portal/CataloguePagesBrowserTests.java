package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.catalog.GeneratedCatalogue;

/**
 * The catalogue's pages (issue 16) in headless Chromium: the citizens' search (without diacritics, sectors with their
 * counts, agency and level, pages, the address kept), the procedure page's version in force and the one to come, and
 * the operators' page (upload with its report, refused rows, history, versions). Every number the pages show is
 * compared with what the API answers. Screenshots in target/screenshots/portal/danh-muc-*.
 */
@IntegrationTest
class CataloguePagesBrowserTests {

    static final String IMPORTS = "/api/catalogue/imports";
    static final String SEARCH = "/api/procedures/search";
    static final String PERMIT_WORKS = "Cấp giấy phép xây dựng mới đối với công trình không theo tuyến";
    static final String PERMIT_HOUSE = "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ";
    static final DateTimeFormatter VIETNAMESE_DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    /** The engine's clock: what "today" is for an import. */
    @Autowired
    Clock clock;

    Api api;
    Path files;

    @BeforeEach
    void start() throws Exception {
        api = new Api(port);
        removeWhatTheTestsImported();
        files = Files.createDirectories(Path.of("target/browser-files"));
        if (browser == null) {
            browser = new Browser(port);
        }
        browser.forgetCookies().open("/portal/index.html");
        browser.script("localStorage.removeItem('motcua.lang')");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    @AfterEach
    void removeWhatTheTestsImported() {
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
    void aCitizenTypingXayDungFindsTheTwoConstructionPermitsFirstWithTheSectorCountsOfTheApi() {
        browser.type("#q", "xay dung").click("#search button");

        // the page first lists the whole catalogue: wait for the answer to the query
        browser.textOnceItShows("#found", "Tìm thấy 2 thủ tục");
        JsonNode answer = api.get(SEARCH + "?q=xay dung&page=0&size=20").body();
        assertThat(answer.path("total").asInt()).isEqualTo(2);
        assertThat(names()).containsExactly(PERMIT_WORKS, PERMIT_HOUSE).isEqualTo(field(answer, "name"));
        assertThat(sectorButtons())
                .containsExactly("Tất cả lĩnh vực (2)", "Hoạt động xây dựng (2)")
                .isEqualTo(sectorButtons(answer));
        assertThat(browser.text("#results"))
                .contains("Mã 1.009991.H43 · Hoạt động xây dựng · Sở Xây dựng tỉnh Ninh Thuận");
        assertThat(browser.url()).endsWith("/portal/index.html?q=xay+dung");
        assertThat((Boolean) browser.script("return document.getElementById('pager').hidden"))
                .isTrue();
        browser.screenshot("danh-muc-1-tim-khong-dau");

        browser.clickLink(PERMIT_HOUSE);
        assertThat(browser.textOnceItShows("#version", "Phiên bản")).isEqualTo("Phiên bản 1, áp dụng từ 01/07/2025");
        assertThat((Boolean) browser.script("return document.getElementById('next-version').hidden"))
                .isTrue();

        browser.open("/portal/index.html?q=thu+tuc+khong+co+that");
        assertThat(browser.textOnceItShows("#message", "Không tìm thấy"))
                .isEqualTo("Không tìm thấy thủ tục nào phù hợp. Vui lòng thử từ khóa khác hoặc bỏ bớt bộ lọc.");
        assertThat(codes()).isEmpty();

        browser.open("/portal/index.html?q=" + "x".repeat(201));
        assertThat(browser.textOnceItShows("#message", "dài quá")).isEqualTo("Từ khóa tìm kiếm dài quá 200 ký tự.");
        browser.click("#lang");
        assertThat(browser.textOnceItShows("#message", "longer"))
                .isEqualTo("The search text is longer than 200 characters.");
        browser.screenshot("danh-muc-2-loi-tieng-anh");
    }

    @Test
    void aCitizenPagesThroughALargerCatalogueFiltersBySectorAndLevelAndTheAddressKeepsTheSearch() {
        Api.Reply imported = api.post(IMPORTS, "admin", GeneratedCatalogue.procedures(200));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        JsonNode first = api.get(SEARCH + "?q=dang ky&page=0&size=20").body();
        long total = first.path("total").asLong();
        long pages = (total + 19) / 20;
        assertThat(pages).isGreaterThanOrEqualTo(2);

        browser.type("#q", "dang ky").click("#search button");
        assertThat(browser.textOnceItShows("#found", "Tìm thấy " + total + " thủ tục"))
                .isEqualTo("Tìm thấy " + total + " thủ tục");
        assertThat(browser.text("#page-of")).isEqualTo("Trang 1 / " + pages);
        assertThat(codes()).isEqualTo(field(first, "code"));
        assertThat(sectorButtons()).isEqualTo(sectorButtons(first));
        assertThat(browser.attribute("#previous", "disabled")).isEqualTo("true");

        browser.click("#next");
        browser.textOnceItShows("#page-of", "Trang 2 / " + pages);
        assertThat(codes())
                .isEqualTo(field(api.get(SEARCH + "?q=dang ky&page=1&size=20").body(), "code"));
        assertThat(browser.url()).endsWith("/portal/index.html?q=dang+ky&trang=2");
        browser.screenshot("danh-muc-3-trang-2");

        JsonNode civil =
                api.get(SEARCH + "?q=dang ky&sector=Hộ tịch&page=0&size=20").body();
        long civilTotal = civil.path("total").asLong();
        browser.click("#sectors button[data-sector='Hộ tịch']");
        browser.textOnceItShows("#found", "Tìm thấy " + civilTotal + " thủ tục");
        assertThat(codes()).isEqualTo(field(civil, "code"));
        assertThat(browser.attribute("#sectors button[data-sector='Hộ tịch']", "aria-pressed"))
                .isEqualTo("true");
        assertThat(browser.text("#sectors button[data-sector='Hộ tịch']")).isEqualTo("Hộ tịch (" + civilTotal + ")");
        // the counts are those of the whole match: the other sectors stay choosable
        assertThat(sectorButtons()).isEqualTo(sectorButtons(first));

        JsonNode partial =
                api.get(SEARCH + "?q=dang ky&level=PARTIAL&page=0&size=20").body();
        long partialTotal = partial.path("total").asLong();
        assertThat(partialTotal).isNotIn(total, civilTotal);
        browser.click("#sectors button[data-sector='']");
        browser.script("document.getElementById('level').value = 'PARTIAL'");
        browser.click("#search button");
        browser.textOnceItShows("#found", "Tìm thấy " + partialTotal + " thủ tục");
        assertThat(codes()).isEqualTo(field(partial, "code"));
        assertThat(sectorButtons()).isEqualTo(sectorButtons(partial));
        assertThat(browser.text("#results")).contains("Một phần").doesNotContain("Toàn trình");
        String address = browser.url();
        assertThat(address).endsWith("/portal/index.html?q=dang+ky&muc-do=PARTIAL");
        browser.screenshot("danh-muc-4-loc-muc-do");

        // the address as a bookmark, in a new session: the same search, the same filters
        browser.forgetCookies().open("/portal/index.html?q=dang+ky&linh-vuc=H%E1%BB%99+t%E1%BB%8Bch&trang=1");
        browser.textOnceItShows("#found", "Tìm thấy " + civilTotal + " thủ tục");
        assertThat(codes()).isEqualTo(field(civil, "code"));
        assertThat(browser.attribute("#q", "value")).isEqualTo("dang ky");
        assertThat(browser.attribute("#sectors button[data-sector='Hộ tịch']", "aria-pressed"))
                .isEqualTo("true");
        browser.open(address.substring(address.indexOf("/portal/")));
        browser.textOnceItShows("#found", "Tìm thấy " + partialTotal + " thủ tục");
        assertThat(codes()).isEqualTo(field(partial, "code"));
        assertThat(browser.attribute("#level", "value")).isEqualTo("PARTIAL");
    }

    @Test
    void anOperatorImportsAFileOnThePageAndSeesTheCountsThenABadFileIsRefusedRowByRowAndNothingChanges()
            throws Exception {
        LocalDate earlier = LocalDate.now(clock).minusMonths(1);
        Map<String, Object> a = GeneratedCatalogue.procedure(980001);
        Map<String, Object> b = GeneratedCatalogue.procedure(980002);
        Api.Reply setUp = api.post(IMPORTS + "?effectiveFrom=" + earlier, "admin", List.of(a, b));
        assertThat(setUp.status()).as(setUp.body().toString()).isEqualTo(201);

        Map<String, Object> changedB = GeneratedCatalogue.procedure(980002);
        changedB.put("fee", "Lệ phí 99.000 đồng/hồ sơ");
        Path good = json("danh-muc-moi.json", List.of(a, changedB, GeneratedCatalogue.procedure(980003)));
        browser.loginAs("admin", Api.PASSWORD).open("/portal/danh-muc.html");
        browser.visible("#upload");
        browser.attach("#import-file", good);
        browser.script("document.getElementById('effective-from').value = '2099-01-01'");
        browser.click("#upload-submit");

        String title = browser.textOnceItShows("#report-title", "Đã nhập");
        JsonNode newest = api.get(IMPORTS, "admin").body().get(0);
        long id = newest.path("id").asLong();
        assertThat(title).isEqualTo("Đã nhập danh mục (lần nhập số " + id + ").");
        assertThat(browser.text("#report-summary"))
                .isEqualTo("Tệp danh-muc-moi.json · JSON · 3 thủ tục · áp dụng từ 01/01/2099");
        assertThat(browser.text("#report-counts [data-count='new-procedures'] dd"))
                .isEqualTo("1");
        assertThat(browser.text("#report-counts [data-count='new-versions'] dd"))
                .isEqualTo("1");
        assertThat(browser.text("#report-counts [data-count='unchanged'] dd")).isEqualTo("1");
        assertThat(rows("#report-outcomes tbody tr"))
                .containsExactly(
                        "1 | 9.980001.H43 | Không thay đổi | 1",
                        "2 | 9.980002.H43 | Phiên bản mới | 2",
                        "3 | 9.980003.H43 | Thủ tục mới | 1");
        assertThat(newest.path("newProcedures").asInt()).isEqualTo(1);
        assertThat(newest.path("newVersions").asInt()).isEqualTo(1);
        assertThat(newest.path("unchanged").asInt()).isEqualTo(1);
        assertThat(rows("#imports tbody tr").get(0))
                .isEqualTo(id + " | " + time(newest.path("importedAt").asText())
                        + " | admin | danh-muc-moi.json | JSON | 01/01/2099 | 3 | 1 | 1 | 1 | Xem báo cáo");
        browser.screenshot("danh-muc-5-nhap-thanh-cong");

        browser.type("#procedure-q", "9.980002").click("#procedure-search button");
        browser.click("#procedures button[data-versions='9.980002.H43']");
        long setUpId = setUp.body().path("importId").asLong();
        assertThat(rows("#versions-table tbody tr"))
                .containsExactly(
                        "1 | " + earlier.format(VIETNAMESE_DAY) + " | Đang áp dụng | Lần nhập số " + setUpId + " | "
                                + legalTime(b) + " | " + b.get("fee"),
                        "2 | 01/01/2099 | Chưa có hiệu lực | Lần nhập số " + id + " | " + legalTime(b)
                                + " | Lệ phí 99.000 đồng/hồ sơ");

        JsonNode procedure = api.get("/api/procedures/9.980002.H43").body();
        assertThat(procedure.path("version").asInt()).isEqualTo(1);
        assertThat(procedure.path("effectiveFrom").asText()).isEqualTo(earlier.toString());
        assertThat(procedure.path("nextVersion").path("version").asInt()).isEqualTo(2);
        assertThat(procedure.path("nextVersion").path("effectiveFrom").asText()).isEqualTo("2099-01-01");
        browser.open("/portal/thu-tuc.html?ma=9.980002.H43");
        assertThat(browser.textOnceItShows("#version", "Phiên bản"))
                .isEqualTo("Phiên bản 1, áp dụng từ " + earlier.format(VIETNAMESE_DAY));
        assertThat(browser.text("#next-version"))
                .isEqualTo("Đã công bố phiên bản 2, áp dụng từ 01/01/2099: hồ sơ nộp từ ngày đó theo phiên bản mới.");
        assertThat(browser.text("#facts")).contains((String) b.get("fee"));
        browser.screenshot("danh-muc-6-thu-tuc-phien-ban");

        int imports = api.get(IMPORTS, "admin").body().size();
        long versions = sql.queryForObject("select count(*) from catalog_procedure_version", Long.class);
        long live = sql.queryForObject("select count(*) from catalog_procedure", Long.class);
        Path bad = json(
                "danh-muc-loi.json",
                List.of(
                        with(GeneratedCatalogue.procedure(980002), "legalTime", 0),
                        with(GeneratedCatalogue.procedure(980004), "agencyCode", "000.99.99.H99"),
                        GeneratedCatalogue.procedure(980005)));
        browser.open("/portal/danh-muc.html");
        browser.visible("#upload");
        browser.attach("#import-file", bad);
        browser.script("document.getElementById('effective-from').value = '2099-01-01'");
        browser.click("#upload-submit");

        assertThat(browser.textOnceItShows("#report-title", "không được nhập"))
                .isEqualTo("Tệp không được nhập: 2 lỗi. Danh mục không thay đổi.");
        assertThat(rows("#report-problems tbody tr"))
                .containsExactly(
                        "1 | 9.980002.H43 | legalTime | \"Thời hạn giải quyết\" phải là số nguyên lớn hơn 0 (đang là"
                                + " \"0\")",
                        "2 | 9.980004.H43 | agencyCode | không có cơ quan \"000.99.99.H99\" trong danh mục cơ quan");
        assertThat((Boolean) browser.script("return document.getElementById('report-counts').hidden"))
                .isTrue();
        browser.screenshot("danh-muc-7-tep-loi");
        browser.click("#lang");
        assertThat(browser.textOnceItShows("#report-title", "not imported"))
                .isEqualTo("The file was not imported: 2 problems. The catalogue is unchanged.");
        assertThat(rows("#report-problems tbody tr"))
                .containsExactly(
                        "1 | 9.980002.H43 | legalTime | \"legalTime\" must be a whole number above 0, not \"0\"",
                        "2 | 9.980004.H43 | agencyCode | there is no agency \"000.99.99.H99\" in the agency registry");

        assertThat(api.get(IMPORTS, "admin").body().size()).isEqualTo(imports);
        assertThat(api.get("/api/procedures/9.980002.H43/versions").body().size())
                .isEqualTo(2);
        assertThat(api.get("/api/procedures/9.980005.H43/versions").status()).isEqualTo(404);
        assertThat(sql.queryForObject("select count(*) from catalog_procedure_version", Long.class))
                .isEqualTo(versions);
        assertThat(sql.queryForObject("select count(*) from catalog_procedure", Long.class))
                .isEqualTo(live);
    }

    @Test
    void theHistoryOpensAnImportsReportAndOnlyOperatorsSeeThePage() {
        Api.Reply imported = api.post(IMPORTS, "admin", GeneratedCatalogue.procedures(3));
        long id = imported.body().path("importId").asLong();

        browser.loginAs("admin", Api.PASSWORD).open("/portal/danh-muc.html");
        browser.click("#imports button[data-import='" + id + "']");
        assertThat(browser.textOnceItShows("#report-title", "lần nhập số " + id))
                .isEqualTo("Đã nhập danh mục (lần nhập số " + id + ").");
        assertThat(browser.text("#report-summary"))
                .startsWith(
                        "JSON · 3 thủ tục · áp dụng từ " + LocalDate.now(clock).format(VIETNAMESE_DAY) + " · nhập lúc ")
                .endsWith(" bởi admin");
        assertThat(rows("#report-outcomes tbody tr"))
                .containsExactly(
                        "1 | 9.000001.H43 | Thủ tục mới | 1",
                        "2 | 9.000002.H43 | Thủ tục mới | 1",
                        "3 | 9.000003.H43 | Thủ tục mới | 1");
        assertThat(browser.text("#report-counts [data-count='new-procedures'] dd"))
                .isEqualTo("3");

        browser.loginAs("congdan", Api.PASSWORD).open("/portal/danh-muc.html");
        assertThat(browser.textOnceItShows("#message", "camunda-admin"))
                .isEqualTo(
                        "Chỉ quản trị hệ thống (nhóm camunda-admin) được nhập danh mục thủ tục và xem lịch sử nhập.");
        assertThat((Boolean) browser.script("return document.getElementById('operator').hidden"))
                .isTrue();
        browser.screenshot("danh-muc-8-khong-phai-quan-tri");

        browser.forgetCookies().open("/portal/danh-muc.html");
        assertThat(browser.textOnceItShows("#message", "đăng nhập"))
                .isEqualTo("Vui lòng đăng nhập bằng tài khoản quản trị hệ thống (nhóm camunda-admin) để quản lý"
                        + " danh mục thủ tục.");
        assertThat(browser.visible("#login-here").getText()).isEqualTo("Đăng nhập");
    }

    private Path json(String name, Object content) throws Exception {
        Path file = files.resolve(name);
        Files.write(file, new ObjectMapper().writeValueAsBytes(content));
        return file;
    }

    private static Map<String, Object> with(Map<String, Object> procedure, String field, Object value) {
        procedure.put(field, value);
        return procedure;
    }

    private static String legalTime(Map<String, Object> procedure) {
        String unit = switch ((String) procedure.get("timeUnit")) {
            case "WORKING_HOURS" -> "giờ làm việc";
            case "CALENDAR_DAYS" -> "ngày";
            default -> "ngày làm việc";
        };
        return procedure.get("legalTime") + " " + unit;
    }

    /** "20:05, 03/12/2026", as the page shows a time the API gives without zone (the province's). */
    private static String time(String iso) {
        return LocalDateTime.parse(iso).format(DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy"));
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String script, Object... arguments) {
        return new ArrayList<>((List<String>) browser.script(script, arguments));
    }

    private List<String> names() {
        return strings("return [...document.querySelectorAll('#results .procedure-link')].map(a => a.textContent)");
    }

    private List<String> codes() {
        return strings("return [...document.querySelectorAll('#results li[data-code]')].map(li => li.dataset.code)");
    }

    private List<String> sectorButtons() {
        return strings("return [...document.querySelectorAll('#sectors button')].map(b => b.textContent)");
    }

    /** Each row's cells joined with " | ". */
    private List<String> rows(String css) {
        browser.visible(css);
        return strings(
                "return [...document.querySelectorAll(arguments[0])]"
                        + ".map(r => [...r.cells].map(c => c.textContent.trim()).join(' | '))",
                css);
    }

    private static List<String> field(JsonNode page, String name) {
        return StreamSupport.stream(page.path("items").spliterator(), false)
                .map(item -> item.path(name).asText())
                .toList();
    }

    private static List<String> sectorButtons(JsonNode page) {
        List<String> buttons = new ArrayList<>();
        buttons.add("Tất cả lĩnh vực ("
                + StreamSupport.stream(page.path("sectors").spliterator(), false)
                        .mapToLong(s -> s.path("count").asLong())
                        .sum()
                + ")");
        page.path("sectors")
                .forEach(s -> buttons.add(
                        s.path("sector").asText() + " (" + s.path("count").asLong() + ")"));
        return buttons;
    }
}
