package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.portal.Browser;

/**
 * The brief's year (19,163 dossiers, 80.31% early, 19.69% on time) seeded into the dossier tables, made into the read
 * model by the operator's rebuild, and counted by report II.06a for 2019, for the province and per sector.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProvinceYearReportTests {

    static final String YEAR = "/api/reports/ii06a?from=2019-01-01&to=2019-12-31";
    static final String XLSX = "/api/reports/ii06a.xlsx?from=2019-01-01&to=2019-12-31";
    static final String PDF = "/api/reports/ii06a.pdf?from=2019-01-01&to=2019-12-31";
    static final String DASHBOARD = "/api/reports/dashboard?from=2019-01-01&to=2019-12-31";
    static final String CELLS = "/api/reports/ii06a/dossiers?from=2019-01-01&to=2019-12-31";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    Api api;
    ProvinceYear year;

    @BeforeAll
    void seedTheYearAndRebuild() {
        api = new Api(port);
        year = new ProvinceYear(jdbc);
        year.remove();
        assertThat(year.seed()).hasSize(ProvinceYear.DOSSIERS).doesNotHaveDuplicates();
        Api.Reply rebuilt = api.post("/api/reports/rebuild", "admin", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(200);
        assertThat(rebuilt.body().path("dossiers").asInt()).isGreaterThanOrEqualTo(ProvinceYear.DOSSIERS);
    }

    @AfterAll
    void takeTheYearOut() {
        year.remove();
        // the rows were taken out behind the read model's back: so are their counters
        assertThat(api.post("/api/reports/recount", "admin", Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theProvinceReportCountsTheBriefsYear() {
        JsonNode total = report(YEAR).path("total");

        assertThat(total.path("received").asInt()).isEqualTo(19_163);
        assertThat(total.path("carriedOver").asInt()).isZero();
        assertThat(total.path("resolved").asInt()).isEqualTo(19_163);
        assertThat(total.path("resolvedEarly").asInt()).isEqualTo(15_390);
        assertThat(total.path("resolvedOnTime").asInt()).isEqualTo(3_773);
        assertThat(total.path("resolvedLate").asInt()).isZero();
        assertThat(total.path("inProgress").asInt()).isZero();
        assertThat(percent(
                        total.path("resolvedEarly").asInt(),
                        total.path("resolved").asInt()))
                .isEqualTo("80.31");
        assertThat(percent(
                        total.path("resolvedOnTime").asInt(),
                        total.path("resolved").asInt()))
                .isEqualTo("19.69");
    }

    @Test
    void eachSectorRowHasTheSeededMix() {
        Map<String, int[]> expected = ProvinceYear.expected();
        Map<String, int[]> reported = new HashMap<>();
        for (JsonNode row : report(YEAR).path("rows")) {
            JsonNode c = row.path("cells");
            reported.put(row.path("sector").asText(), new int[] {
                c.path("receivedOnline").asInt(),
                c.path("receivedDirectOrPostal").asInt(),
                c.path("resolvedEarly").asInt(),
                c.path("resolvedOnTime").asInt()
            });
        }
        assertThat(reported).containsOnlyKeys(expected.keySet());
        expected.forEach(
                (sector, cells) -> assertThat(reported.get(sector)).as(sector).containsExactly(cells));
        // the construction sector has the ward's and the Sở Xây dựng's procedures: 2 of every 5 dossiers
        assertThat(reported.get("Hoạt động xây dựng")[0] + reported.get("Hoạt động xây dựng")[1])
                .isEqualTo(7_666);
    }

    @Test
    void oneAgencyCountsOnlyItsOwnAndAMonthCountsOnlyItsOwn() {
        JsonNode ward = report(YEAR + "&agency=000.20.43.H43").path("total");
        assertThat(ward.path("received").asInt()).isEqualTo(7_666); // procedures 0 and 2 of every 5: 3,833 + 3,833
        JsonNode december =
                report("/api/reports/ii06a?from=2019-12-01&to=2019-12-31").path("total");
        // received before December and resolved in it: carried over, no new ones
        assertThat(december.path("received").asInt())
                .isEqualTo(december.path("carriedOver").asInt());
        assertThat(december.path("receivedOnline").asInt()).isZero();
        assertThat(december.path("inProgress").asInt()).isZero();
    }

    @Test
    void theWorkbookIsTheFormWithTheYearsNumbersAndOpensInAnOfficeSuite() throws Exception {
        ResponseEntity<byte[]> download = api.download(XLSX, "admin");
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentType()).hasToString(ReportsController.XLSX);
        assertThat(download.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("II.06a_2019-01-01_2019-12-31.xlsx");
        Map<String, int[]> expected = ProvinceYear.expected();

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.getBody()))) {
            Sheet sheet = book.getSheet("II.06a");
            assertThat(text(sheet, 0, 0)).isEqualTo("ỦY BAN NHÂN DÂN TỈNH NINH THUẬN");
            assertThat(text(sheet, 0, 10)).isEqualTo("Biểu số II.06a/VPCP/KSTT");
            assertThat(text(sheet, 2, 0))
                    .isEqualTo("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI"
                            + " QUYẾT THỦ TỤC HÀNH CHÍNH");
            assertThat(text(sheet, 3, 0)).isEqualTo("Kỳ báo cáo: từ ngày 01/01/2019 đến ngày 31/12/2019");
            assertThat(text(sheet, 6, 2)).isEqualTo("Số hồ sơ nhận giải quyết");
            assertThat(text(sheet, 7, 10)).isEqualTo("Số hồ sơ đang giải quyết");
            assertThat(text(sheet, 8, 4)).isEqualTo("Trực tiếp, dịch vụ bưu chính");
            assertThat(sheet.getMergedRegions())
                    .as("the heading's groups span their columns, as on the form")
                    .contains(
                            CellRangeAddress.valueOf("C7:F7"),
                            CellRangeAddress.valueOf("G7:M7"),
                            CellRangeAddress.valueOf("D8:F8"),
                            CellRangeAddress.valueOf("G8:J8"),
                            CellRangeAddress.valueOf("K8:M8"),
                            CellRangeAddress.valueOf("A7:A9"));
            for (int c = 0; c < 13; c++) {
                assertThat(text(sheet, 9, c)).isEqualTo("(" + (c + 1) + ")");
            }
            List<String> sectors = new ArrayList<>(expected.keySet());
            Collections.sort(sectors);
            int r = 10;
            for (String sector : sectors) {
                int[] cells = expected.get(sector);
                assertThat(text(sheet, r, 1)).isEqualTo(sector);
                assertThat(numbers(sheet, r, 2, 13))
                        .as(sector)
                        .containsExactly(
                                cells[0] + cells[1],
                                cells[0],
                                cells[1],
                                0,
                                cells[2] + cells[3],
                                cells[2],
                                cells[3],
                                0,
                                0,
                                0,
                                0);
                r++;
            }
            assertThat(text(sheet, r, 1)).isEqualTo("Tổng số");
            assertThat(numbers(sheet, r, 2, 13))
                    .containsExactly(
                            19_163, online(expected), 19_163 - online(expected), 0, 19_163, 15_390, 3_773, 0, 0, 0, 0);
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
        }

        Path dir = Files.createDirectories(Path.of("target/reports"));
        Path xlsx = Files.write(dir.resolve("II.06a-2019.xlsx"), download.getBody());
        Path pdf = LibreOffice.convert(xlsx, "pdf");
        try (PDDocument printed = Loader.loadPDF(pdf.toFile())) {
            assertThat(printed.getNumberOfPages()).as("the form on one A4 page").isEqualTo(1);
            PDRectangle page = printed.getPage(0).getMediaBox();
            assertThat(page.getWidth()).as("landscape").isGreaterThan(page.getHeight());
            String text = new PDFTextStripper().getText(printed);
            assertThat(text)
                    .contains("TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH")
                    .contains("Số hồ sơ đã giải quyết")
                    .contains("19163")
                    .contains("15390")
                    .contains("3773")
                    .contains("THỦ TRƯỞNG ĐƠN VỊ");
        }
        // the page LibreOffice printed, as a picture a person looks at: target/reports/II.06a-2019.png
        try (PDDocument printed = Loader.loadPDF(pdf.toFile())) {
            BufferedImage picture = new PDFRenderer(printed).renderImageWithDPI(0, 110);
            ImageIO.write(picture, "png", dir.resolve("II.06a-2019.png").toFile());
        }
    }

    @Test
    void thePdfIsTheSameFormWithItsFontsInside() throws Exception {
        ResponseEntity<byte[]> download = api.download(PDF + "&agency=000.20.43.H43", "admin");
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        assertThat(download.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("II.06a_000.20.43.H43_2019-01-01_2019-12-31.pdf");
        Path dir = Files.createDirectories(Path.of("target/reports"));
        try (PDDocument pdf = Loader.loadPDF(download.getBody())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertThat(page.getWidth()).as("landscape").isGreaterThan(page.getHeight());
            for (COSName name : pdf.getPage(0).getResources().getFontNames()) {
                assertThat(pdf.getPage(0).getResources().getFont(name).isEmbedded())
                        .as("font " + name.getName())
                        .isTrue();
            }
            String text = new PDFTextStripper().getText(pdf);
            Map<String, int[]> expected = ProvinceYear.expected();
            int[] building = expected.get("Hoạt động xây dựng");
            assertThat(text)
                    .contains("ỦY BAN NHÂN DÂN PHƯỜNG PHAN RANG")
                    .contains("Biểu số II.06a/VPCP/KSTT")
                    .contains("Kỳ báo cáo: từ ngày 01/01/2019 đến ngày 31/12/2019")
                    .contains("Số hồ sơ đang giải quyết")
                    .contains("Hoạt động xây dựng")
                    .contains("Hộ tịch")
                    .doesNotContain("Bảo hiểm y tế")
                    .contains("(13)")
                    .contains("THỦ TRƯỞNG ĐƠN VỊ");
            assertThat(text.replaceAll("\\s+", " "))
                    .as("the ward's construction row: half the sector's dossiers are the ward's")
                    .contains("Hoạt động xây dựng 3833");
            assertThat(building[0] + building[1]).isEqualTo(7_666);
            ImageIO.write(
                    new PDFRenderer(pdf).renderImageWithDPI(0, 110),
                    "png",
                    dir.resolve("II.06a-2019-ward.png").toFile());
        }
    }

    @Test
    void thePublicResultsShowTheYearToAnyoneWithoutAnyPersonsData() {
        Api.Reply reply = api.get("/api/public/results?year=2019");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode year = reply.body();
        assertThat(year.path("total").path("received").asInt()).isEqualTo(19_163);
        assertThat(year.path("total").path("resolvedEarly").asInt()).isEqualTo(15_390);
        assertThat(year.path("total").path("earlyPercent").decimalValue()).isEqualByComparingTo("80.31");
        assertThat(year.path("total").path("onTimePercent").decimalValue()).isEqualByComparingTo("19.69");
        assertThat(year.path("total").path("latePercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(year.path("months")).hasSize(12);
        int resolved = 0;
        for (JsonNode month : year.path("months")) {
            resolved += month.path("figures").path("resolved").asInt();
        }
        assertThat(resolved)
                .as("every dossier resolved in one month of the year")
                .isEqualTo(19_163);
        JsonNode ward = null;
        for (JsonNode agency : year.path("agencies")) {
            if (agency.path("code").asText().equals("000.20.43.H43")) {
                ward = agency;
            }
        }
        assertThat(ward).isNotNull();
        assertThat(ward.path("name").asText()).isEqualTo("Ủy ban nhân dân phường Phan Rang");
        assertThat(ward.path("figures").path("received").asInt()).isEqualTo(7_666);
        assertThat(year.toString())
                .doesNotContain("Nguyễn")
                .doesNotContain("058090")
                .doesNotContain("Thống Nhất");
        Api.Reply future = api.get("/api/public/results?year=2999");
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("message")).startsWith("Năm \"2999\" không hợp lệ");

        try (Browser browser = new Browser(port)) {
            browser.windowSize(1280, 1800).open("/portal/ket-qua.html?nam=2019");
            assertThat(browser.textOnceItShows("#figures [data-figure='early']", "80,31%"))
                    .contains("Trước hạn")
                    .contains("15.390");
            assertThat(browser.text("#figures [data-figure='on-time']"))
                    .contains("19,69%")
                    .contains("3.773");
            assertThat(browser.text("#figures [data-figure='received']")).contains("19.163");
            assertThat(browser.text("#agencies"))
                    .contains("Ủy ban nhân dân phường Phan Rang")
                    .contains("7.666");
            assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("#months tbody tr")))
                    .hasSize(12);
            // the chart is drawn: its canvas has coloured pixels of the three series
            browser.until("const c = document.querySelector('#months-chart');"
                    + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                    + " let green = 0, blue = 0; for (let i = 0; i < d.length; i += 4) {"
                    + " if (d[i] === 24 && d[i + 1] === 128 && d[i + 2] === 56) green++;"
                    + " if (d[i] === 26 && d[i + 1] === 115 && d[i + 2] === 232) blue++; }"
                    + " return green > 1000 && blue > 100");
            browser.screenshot("results-2019");
        }
    }

    @Test
    void theLeadersDashboardShowsTheirAgencysYearAndWhatIsOverdueNow() {
        LocalDateTime now = LocalDateTime.now(clock);
        try {
            openDossier("DASH-OVERDUE-1", now.minusDays(3), now.minusHours(5));
            openDossier("DASH-NEARLY-1", now.minusDays(1), now.plusHours(30));
            openDossier("DASH-LATER-1", now.minusDays(1), now.plusDays(9));

            Api.Reply leader = api.get(DASHBOARD, "pr.chutich");
            assertThat(leader.status()).as(leader.body().toString()).isEqualTo(200);
            JsonNode ward = leader.body();
            assertThat(ward.path("agency").asText())
                    .as("the leader's own agency")
                    .isEqualTo("000.20.43.H43");
            assertThat(ward.path("name").asText()).isEqualTo("Ủy ban nhân dân phường Phan Rang");
            int early = 0;
            for (int i = 0; i < ProvinceYear.DOSSIERS; i++) {
                if (ProvinceYear.procedure(i).agency().equals("000.20.43.H43") && ProvinceYear.early(i)) {
                    early++;
                }
            }
            assertThat(ward.path("total").path("received").asInt()).isEqualTo(7_666);
            assertThat(ward.path("total").path("resolvedEarly").asInt()).isEqualTo(early);
            assertThat(ward.path("months")).hasSize(12);
            assertThat(ward.path("sectors"))
                    .extracting(x -> x.path("sector").asText())
                    .containsExactly("Hoạt động xây dựng", "Hộ tịch");
            assertThat(ward.path("agencies"))
                    .as("a leader sees no other agency")
                    .isEmpty();
            assertThat(ward.path("lateProcedures"))
                    .as("nothing was late in the year")
                    .isEmpty();
            assertThat(codes(ward.path("overdue"))).contains("DASH-OVERDUE-1").doesNotContain("DASH-NEARLY-1");
            assertThat(codes(ward.path("nearly"))).contains("DASH-NEARLY-1").doesNotContain("DASH-LATER-1");
            assertThat(ward.path("overdueNow").asInt())
                    .isEqualTo(ward.path("overdue").size());

            Api.Reply province = api.get(DASHBOARD, "admin");
            assertThat(province.body().path("total").path("earlyPercent").decimalValue())
                    .isEqualByComparingTo("80.31");
            assertThat(province.body().path("total").path("onTimePercent").decimalValue())
                    .isEqualByComparingTo("19.69");
            assertThat(province.body().path("agencies").size()).isGreaterThanOrEqualTo(4);
            Api.Reply other = api.get(DASHBOARD + "&agency=000.00.12.H43", "pr.chutich");
            assertThat(other.status()).isEqualTo(403);
            assertThat(other.text("message"))
                    .isEqualTo("Lãnh đạo chỉ xem được bảng điều khiển của cơ quan mình (000.20.43.H43).");
            assertThat(api.get(DASHBOARD, "pr.chuyenvien").status())
                    .as("a specialist")
                    .isEqualTo(403);

            try (Browser browser = new Browser(port)) {
                browser.windowSize(1280, 2400).loginAs("pr.chutich", Api.PASSWORD);
                browser.open("/portal/bang-dieu-khien.html?tu=2019-01-01&den=2019-12-31");
                String shownEarly = BigDecimal.valueOf(early * 100L)
                                .divide(BigDecimal.valueOf(7_666), 2, RoundingMode.HALF_UP)
                                .toPlainString()
                                .replace('.', ',')
                        + "%";
                assertThat(browser.textOnceItShows("#figures [data-figure='early']", shownEarly))
                        .contains("Trước hạn");
                assertThat(browser.text("#scope")).startsWith("Ủy ban nhân dân phường Phan Rang");
                assertThat(browser.text("#overdue")).contains("DASH-OVERDUE-1");
                assertThat(browser.text("#nearly")).contains("DASH-NEARLY-1");
                assertThat(browser.text("#sectors"))
                        .contains("Hoạt động xây dựng")
                        .contains("Hộ tịch");
                browser.until("const c = document.querySelector('#months-chart');"
                        + " const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;"
                        + " let green = 0; for (let i = 0; i < d.length; i += 4) {"
                        + " if (d[i] === 24 && d[i + 1] === 128 && d[i + 2] === 56) green++; }"
                        + " return green > 1000");
                browser.screenshot("dashboard-2019-ward");
            }
        } finally {
            jdbc.update("delete from reporting_dossier where dossier_code like 'DASH-%'");
        }
    }

    @Test
    void theWorkbooksNumbersLinkToTheirCellsDossiers() throws Exception {
        ResponseEntity<byte[]> download = api.download(XLSX, "admin");
        assertThat(download.getStatusCode().value()).isEqualTo(200);
        String page = "http://localhost:" + port + "/portal/bao-cao.html?from=2019-01-01&to=2019-12-31";
        HttpResponse<String> opened = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(page)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).as("the page the links open").isEqualTo(200);
        assertThat(opened.body()).contains("<body data-page=\"report\">");

        List<String> sectors = new ArrayList<>(ProvinceYear.expected().keySet());
        Collections.sort(sectors);
        sectors.add(null); // the total row
        int links = 0;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download.getBody()))) {
            Sheet sheet = book.getSheet(Ii06aWorkbook.SHEET);
            for (int i = 0; i < sectors.size(); i++) {
                String sector = sectors.get(i);
                for (Ii06a.Column column : Ii06a.Column.values()) {
                    Cell cell = sheet.getRow(Ii06aWorkbook.FIRST_DATA_ROW + i).getCell(column.number - 1);
                    int value = (int) cell.getNumericCellValue();
                    if (value == 0) {
                        assertThat(cell.getHyperlink())
                                .as(sector + " " + column)
                                .isNull();
                        continue;
                    }
                    String address = cell.getHyperlink().getAddress();
                    assertThat(cell.getHyperlink().getType()).isEqualTo(HyperlinkType.URL);
                    assertThat(address)
                            .as(sector + " " + column)
                            .isEqualTo(page
                                    + (sector == null
                                            ? ""
                                            : "&sector="
                                                    + URLEncoder.encode(sector, StandardCharsets.UTF_8)
                                                            .replace("+", "%20"))
                                    + "&column=" + column.field);
                    // followed: the page asks the drill-down with the link's parameters; it lists the cell's number
                    String query = URI.create(address).getQuery(); // decoded
                    JsonNode listed = report("/api/reports/ii06a/dossiers?" + query + "&limit=1");
                    assertThat(listed.path("total").asInt()).as(address).isEqualTo(value);
                    links++;
                }
            }
        }
        int nonZero = 6; // the total row: received (3, 4, 5) and resolved (7, 8, 9)
        for (int[] c : ProvinceYear.expected().values()) {
            nonZero += 4 + (c[0] > 0 ? 1 : 0) + (c[1] > 0 ? 1 : 0) - (c[2] > 0 ? 0 : 1) - (c[3] > 0 ? 0 : 1);
        }
        assertThat(links).as("every number but 0").isEqualTo(nonZero).isEqualTo(29);
    }

    @Test
    void theReportPageShowsTheFormAndEveryNumberOpensItsDossiers() throws Exception {
        JsonNode province = report(YEAR).path("total");
        try (Browser browser = new Browser(port)) {
            browser.windowSize(1280, 1100).loginAs("admin", Api.PASSWORD);
            browser.open("/portal/bao-cao.html?from=2019-01-01&to=2019-12-31");
            browser.textOnceItShows("#ii06a tr[data-total]", "19.163");
            assertThat(cells(browser, "#ii06a tr[data-total] td"))
                    .as("the total row as the API counts it, in the page's numbers")
                    .containsExactly(
                            "",
                            "Tổng số",
                            "19.163",
                            shown(province.path("receivedOnline").asInt()),
                            shown(province.path("receivedDirectOrPostal").asInt()),
                            "0",
                            "19.163",
                            "15.390",
                            "3.773",
                            "0",
                            "0",
                            "0",
                            "0");
            assertThat(browser.text("#ii06a thead"))
                    .contains("Lĩnh vực, công việc giải quyết theo cấp")
                    .contains("Số hồ sơ nhận giải quyết")
                    .contains("Trực tiếp, dịch vụ bưu chính")
                    .contains("Số hồ sơ đang giải quyết")
                    .contains("(13)");
            assertThat(browser.visible("#agency").isDisplayed())
                    .as("an operator chooses the agency")
                    .isTrue();
            assertThat(browser.text("#scope")).isEqualTo("Toàn tỉnh · 01/01/2019 – 31/12/2019");
            browser.screenshot("report-2019-province");

            browser.loginAs("pr.chutich", Api.PASSWORD);
            browser.open("/portal/bao-cao.html?from=2019-01-01&to=2019-12-31");
            browser.textOnceItShows("#ii06a tr[data-total]", "7.666");
            assertThat(browser.driver().findElement(By.id("agency-field")).isDisplayed())
                    .as("a leader sees their own agency")
                    .isFalse();
            assertThat(browser.text("#scope")).startsWith("Ủy ban nhân dân phường Phan Rang");
            Api.Reply listed = api.get(CELLS + "&sector=Hộ tịch&column=resolvedOnTime&limit=1000", "pr.chutich");
            assertThat(listed.status()).isEqualTo(200);
            List<String> expected = codes(listed.body().path("dossiers"));
            assertThat(expected).hasSize(listed.body().path("total").asInt()).hasSizeGreaterThan(200);
            WebElement onTime =
                    browser.visible("#ii06a tr[data-sector='Hộ tịch'] button[data-column='resolvedOnTime']");
            assertThat(onTime.getText()).isEqualTo(shown(expected.size()));
            onTime.click();
            browser.textOnceItShows("#cell-title", "Hộ tịch · (9) Đã giải quyết đúng hạn");
            for (int pages = 1; pages * 100 < expected.size(); pages++) {
                int rows = pages * 100;
                browser.until("return document.querySelectorAll('#cell-dossiers tbody tr').length === " + rows);
                browser.driver().findElement(By.id("more")).click();
            }
            browser.until("return document.querySelectorAll('#cell-dossiers tbody tr').length === " + expected.size());
            assertThat(browser.driver().findElement(By.id("more")).isDisplayed())
                    .as("all shown")
                    .isFalse();
            List<String> shownCodes = new ArrayList<>();
            browser.driver()
                    .findElements(By.cssSelector("#cell-dossiers tbody tr"))
                    .forEach(row -> shownCodes.add(row.getDomAttribute("data-dossier")));
            assertThat(shownCodes)
                    .as("exactly the dossiers the drill-down lists, in its order")
                    .isEqualTo(expected);
            assertThat(browser.text("#cell-count"))
                    .isEqualTo(shown(expected.size()) + " trong " + shown(expected.size()) + " hồ sơ");
            assertThat(browser.text("#cell-dossiers tbody tr:first-child")).contains("Hộ tịch");
            browser.script("window.scrollTo(0, 0)");
            browser.screenshot("report-2019-ward-cell");

            // the page's workbook, as the leader downloads it: its number links to the same list
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(browser.downloadedBy("#xlsx")))) {
                Sheet sheet = book.getSheet(Ii06aWorkbook.SHEET);
                assertThat(text(sheet, Ii06aWorkbook.FIRST_DATA_ROW + 1, 1)).isEqualTo("Hộ tịch");
                Cell cell = sheet.getRow(Ii06aWorkbook.FIRST_DATA_ROW + 1)
                        .getCell(Ii06a.Column.RESOLVED_ON_TIME.number - 1);
                assertThat((int) cell.getNumericCellValue()).isEqualTo(expected.size());
                String address = cell.getHyperlink().getAddress();
                assertThat(address)
                        .isEqualTo("http://localhost:" + port + "/portal/bao-cao.html?from=2019-01-01&to=2019-12-31"
                                + "&agency=000.20.43.H43&sector=H%E1%BB%99%20t%E1%BB%8Bch&column=resolvedOnTime");
                browser.driver().get(address);
                assertThat(browser.textOnceItShows("#cell-count", "100 trong"))
                        .isEqualTo("100 trong " + shown(expected.size()) + " hồ sơ");
                assertThat(browser.text("#cell-title")).isEqualTo("Hộ tịch · (9) Đã giải quyết đúng hạn");
            }

            browser.open("/portal/bao-cao.html?from=2019-01-01&to=2019-12-31&agency=000.00.12.H43");
            assertThat(browser.textOnceItShows("#message", "Lãnh đạo"))
                    .isEqualTo("Lãnh đạo chỉ xem được báo cáo của cơ quan mình (000.20.43.H43).");
            assertThat(browser.driver().findElement(By.id("report")).isDisplayed())
                    .as("no other agency's numbers")
                    .isFalse();
            browser.screenshot("report-403-other-agency");
            browser.driver().findElement(By.id("lang")).click();
            assertThat(browser.textOnceItShows("#message", "A leader"))
                    .isEqualTo("A leader sees the report of their own agency only (000.20.43.H43).");
            browser.driver().findElement(By.id("lang")).click();
        }
        Api.Reply other = api.get(YEAR + "&agency=000.00.12.H43", "pr.chutich");
        assertThat(other.status()).isEqualTo(403);
        assertThat(api.download(XLSX + "&agency=000.00.12.H43", "pr.chutich")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(api.get(CELLS + "&column=received", "pr.chutich")
                        .body()
                        .path("total")
                        .asInt())
                .as("no agency: the leader's own")
                .isEqualTo(7_666);
    }

    private static List<String> cells(Browser browser, String css) {
        List<String> texts = new ArrayList<>();
        browser.driver().findElements(By.cssSelector(css)).forEach(cell -> texts.add(cell.getText()));
        return texts;
    }

    /** A number as the page shows it in Vietnamese: 19.163. */
    private static String shown(int n) {
        return java.text.NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN"))
                .format(n);
    }

    private void openDossier(String code, LocalDateTime received, LocalDateTime due) {
        jdbc.update(
                "insert into reporting_dossier (dossier_code, procedure_code, agency_code, sector, channel, received_at,"
                        + " due_at) values (?, '1.009994.H43', '000.20.43.H43', 'Hoạt động xây dựng', 'ONLINE', ?, ?)",
                code,
                Timestamp.valueOf(received),
                Timestamp.valueOf(due));
    }

    private static List<String> codes(JsonNode list) {
        List<String> codes = new ArrayList<>();
        list.forEach(d -> codes.add(d.path("code").asText()));
        return codes;
    }

    @Test
    void eachCellDrillsDownToItsDossiers() {
        Map<String, int[]> expected = ProvinceYear.expected();
        JsonNode onTime = report(CELLS + "&sector=Hộ tịch&column=resolvedOnTime&limit=1000");
        assertThat(onTime.path("total").asInt()).isEqualTo(expected.get("Hộ tịch")[3]);
        assertThat(onTime.path("number").asInt()).isEqualTo(9);
        assertThat(onTime.path("dossiers")).hasSize(Math.min(1000, expected.get("Hộ tịch")[3]));
        for (JsonNode dossier : onTime.path("dossiers")) {
            assertThat(dossier.path("sector").asText()).isEqualTo("Hộ tịch");
            assertThat(dossier.path("outcome").asText()).isEqualTo("ON_TIME");
            assertThat(dossier.path("code").asText()).startsWith("000.20.43.H43-19");
        }

        JsonNode early = report(CELLS + "&column=resolvedEarly&offset=15385&limit=10");
        assertThat(early.path("total").asInt()).as("the total row: no sector").isEqualTo(15_390);
        assertThat(early.path("dossiers")).as("the last page").hasSize(5);

        JsonNode online = report(CELLS + "&column=receivedOnline&limit=1");
        assertThat(online.path("total").asInt()).isEqualTo(online(expected));
    }

    @Test
    void aBadCellOrAgencyIsRefusedWithAMessage() {
        Api.Reply column = api.get(CELLS + "&column=tongSo", "admin");
        assertThat(column.status()).isEqualTo(400);
        assertThat(column.body().path("message").asText())
                .isEqualTo("Cột \"tongSo\" không có trong biểu II.06a; các cột: received, receivedOnline,"
                        + " receivedDirectOrPostal, carriedOver, resolved, resolvedEarly, resolvedOnTime, resolvedLate,"
                        + " inProgress, inProgressWithinTime, inProgressOverdue.");
        Api.Reply limit = api.get(CELLS + "&column=resolved&limit=5000", "admin");
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.body().path("messageEn").asText())
                .isEqualTo("The parameter limit must be a whole number from 1 to 1000 (got \"5000\").");
        Api.Reply agency = api.get(YEAR + "&agency=000.99.99.H43", "admin");
        assertThat(agency.status()).isEqualTo(400);
        assertThat(agency.body().path("message").asText())
                .isEqualTo("Không có cơ quan mã \"000.99.99.H43\" trong danh mục.");
        assertThat(api.download(XLSX, "pr.chuyenvien").getStatusCode().value())
                .as("a specialist reads no reports")
                .isEqualTo(403);
    }

    private static int online(Map<String, int[]> expected) {
        return expected.values().stream().mapToInt(cells -> cells[0]).sum();
    }

    private static String text(Sheet sheet, int row, int column) {
        return sheet.getRow(row).getCell(column).getStringCellValue();
    }

    private static List<Integer> numbers(Sheet sheet, int row, int first, int end) {
        List<Integer> values = new ArrayList<>();
        for (int c = first; c < end; c++) {
            values.add((int) sheet.getRow(row).getCell(c).getNumericCellValue());
        }
        return values;
    }

    private JsonNode report(String path) {
        Api.Reply reply = api.get(path, "admin");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private static String percent(int part, int whole) {
        return BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
