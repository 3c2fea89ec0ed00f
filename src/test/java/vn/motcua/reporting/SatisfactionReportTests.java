package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * Five ratings of 2018 (four of the ward, one of the Sở Xây dựng) counted by hand: the number, each criterion's and
 * the total's average, the levels and grades with their shares, and the officials named, for the province and the
 * ward; a rating of January 2019 falls outside.
 */
@IntegrationTest
class SatisfactionReportTests {

    static final String WARD = "000.20.43.H43";
    static final String DEPARTMENT = "000.00.12.H43";
    static final String YEAR = "/api/reports/satisfaction?from=2018-01-01&to=2018-12-31";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @BeforeEach
    void seed() {
        forget();
        // totals 18, 16, 9, 4 (ward) and 12 (department)
        rate("R18-1", WARD, List.of(2, 2, 2, 2, 2, 2, 2, 2, 2), "2018-03-05T09:00:00", "pr.chuyenvien", "pr.tiepnhan");
        rate("R18-2", WARD, List.of(2, 2, 1, 2, 2, 2, 2, 1, 2), "2018-06-05T09:00:00", "pr.chuyenvien");
        rate("R18-3", WARD, List.of(1, 1, 1, 1, 1, 1, 1, 1, 1), "2018-09-05T09:00:00", "pr.tiepnhan");
        rate("R18-4", WARD, List.of(0, 0, 1, 0, 1, 1, 0, 0, 1), "2018-12-31T23:00:00", "pr.chuyenvien");
        rate("R18-5", DEPARTMENT, List.of(2, 2, 2, 1, 1, 1, 1, 1, 1), "2018-07-01T08:00:00", "sxd.chuyenvien");
        rate("R19-1", WARD, List.of(0, 0, 0, 0, 0, 0, 0, 0, 0), "2019-01-01T00:00:00", "pr.tiepnhan");
    }

    @AfterEach
    void forget() {
        sql.update("delete from dossier_rating_official where dossier_code like 'R1_-_'");
        sql.update("delete from dossier_rating where dossier_code like 'R1_-_'");
    }

    @Test
    void theProvinceYearCountsEveryRatingFirstGivenInIt() {
        JsonNode year = report(YEAR, "admin");
        assertThat(year.path("ratings").asInt()).isEqualTo(5);
        assertThat(year.path("averageTotal").decimalValue()).isEqualByComparingTo("11.80"); // 59 / 5
        assertThat(year.path("criteria").get(0).path("average").decimalValue()).isEqualByComparingTo("1.40"); // 7/5
        assertThat(year.path("criteria").get(2).path("average").decimalValue()).isEqualByComparingTo("1.40");
        assertThat(year.path("criteria").get(6).path("text").asText())
                .isEqualTo("Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ");
        // Rất hài lòng from 15: 18, 16; Hài lòng from 9: 9, 12; Không hài lòng: 4
        assertThat(year.path("levels").path("RAT_HAI_LONG").path("ratings").asInt())
                .isEqualTo(2);
        assertThat(year.path("levels").path("HAI_LONG").path("ratings").asInt()).isEqualTo(2);
        assertThat(year.path("levels").path("KHONG_HAI_LONG").path("ratings").asInt())
                .isEqualTo(1);
        assertThat(year.path("levels").path("RAT_HAI_LONG").path("percent").decimalValue())
                .isEqualByComparingTo("40.00");
        assertThat(year.path("levels").path("KHONG_HAI_LONG").path("text").asText())
                .isEqualTo("Không hài lòng");
        assertThat(year.path("grades").path("Xuất sắc").path("ratings").asInt()).isEqualTo(2);
        assertThat(year.path("grades").path("Tốt").path("ratings").asInt()).isEqualTo(1);
        assertThat(year.path("grades").path("Khá").path("ratings").asInt()).isEqualTo(1);
        assertThat(year.path("grades").path("Trung bình").path("ratings").asInt())
                .isZero();
        assertThat(year.path("grades").path("Yếu").path("ratings").asInt()).isEqualTo(1);
        assertThat(year.path("officials").toString())
                .isEqualTo("[{\"official\":\"pr.chuyenvien\",\"ratings\":3,\"averageTotal\":12.67},"
                        + "{\"official\":\"pr.tiepnhan\",\"ratings\":2,\"averageTotal\":13.5},"
                        + "{\"official\":\"sxd.chuyenvien\",\"ratings\":1,\"averageTotal\":12.0}]");
    }

    @Test
    void theWardsHeadReadsTheWardsRatings() {
        JsonNode ward = report(YEAR + "&agency=" + WARD, "pr.truongphong");
        assertThat(ward.path("ratings").asInt()).isEqualTo(4);
        assertThat(ward.path("averageTotal").decimalValue()).isEqualByComparingTo("11.75"); // 47 / 4
        assertThat(ward.path("officials"))
                .extracting(o -> o.path("official").asText())
                .containsExactly("pr.chuyenvien", "pr.tiepnhan");
        JsonNode empty = report("/api/reports/satisfaction?from=2017-01-01&to=2017-12-31", "admin");
        assertThat(empty.path("ratings").asInt()).isZero();
        assertThat(empty.path("averageTotal").decimalValue()).isEqualByComparingTo("0");
        Api.Reply citizen = new Api(port).get(YEAR, "congdan");
        assertThat(citizen.status()).isEqualTo(403);
        // a head reads their own agency's ratings only: without an agency those, another agency's refused
        assertThat(report(YEAR, "pr.truongphong").path("ratings").asInt()).isEqualTo(4);
        Api.Reply other = new Api(port).get(YEAR + "&agency=000.00.12.H43", "pr.truongphong");
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.text("message"))
                .isEqualTo("Lãnh đạo chỉ xem được kết quả đánh giá của cơ quan mình (" + WARD + ").");
    }

    private JsonNode report(String path, String user) {
        Api.Reply reply = new Api(port).get(path, user);
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply.body();
    }

    private void rate(String code, String agency, List<Integer> scores, String at, String... officials) {
        Timestamp when = Timestamp.valueOf(LocalDateTime.parse(at));
        sql.update(
                """
                insert into dossier_rating (dossier_code, agency_code, channel, c1, c2, c3, c4, c5, c6, c7, c8, c9,
                       total, comment_text, rated_by, first_rated_at, rated_at, revision)
                values (?, ?, 'PORTAL', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, null, ?, ?, 1)
                """,
                code,
                agency,
                scores.get(0),
                scores.get(1),
                scores.get(2),
                scores.get(3),
                scores.get(4),
                scores.get(5),
                scores.get(6),
                scores.get(7),
                scores.get(8),
                scores.stream().mapToInt(Integer::intValue).sum(),
                when,
                when);
        for (String official : officials) {
            sql.update("insert into dossier_rating_official (dossier_code, official) values (?, ?)", code, official);
        }
    }
}
