package vn.motcua.rating;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The applicant rates a returned house permit (nine criteria, 0–2 points each) with the secret or logged in as the
 * filer; one rating per dossier, changed in place within seven days; anyone else, a dossier not returned, a bad score
 * or comment, or a change after the period is refused with a message, and nothing is stored.
 */
@IntegrationTest
class RatingTests {

    static final List<Integer> GOOD = List.of(2, 2, 1, 2, 2, 2, 2, 1, 2);
    static final List<Integer> FAIR = List.of(1, 1, 1, 1, 1, 1, 1, 1, 1);

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    Api api;

    @Test
    void theApplicantRatesAReturnedDossierAndMayChangeItWithinThePeriod() {
        api = new Api(port);
        Api.Filed filed = api.fileHousePermitOnline();

        JsonNode early = view(filed).body();
        assertThat(early.path("mayRate").asBoolean()).isFalse();
        assertThat(early.path("reason").asText())
                .isEqualTo("Hồ sơ " + filed.code() + " chưa trả kết quả: chỉ đánh giá được sau khi đã nhận kết quả.");
        Api.Reply tooEarly = put(filed, rating(GOOD, null));
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.text("message")).isEqualTo(early.path("reason").asText());
        assertThat(rows(filed)).isZero();

        api.returnHousePermit(filed.code());
        JsonNode form = view(filed).body();
        assertThat(form.path("mayRate").asBoolean()).isTrue();
        assertThat(form.path("criteria")).hasSize(9);
        assertThat(form.path("criteria").get(0).path("text").asText())
                .isEqualTo("Thời gian giải quyết hồ sơ so với thời hạn theo quy định");
        assertThat(form.path("criteria").get(8).path("maxPoints").asInt()).isEqualTo(2);
        assertThat(form.path("rating").isNull()).isTrue();

        Api.Reply rated = put(filed, rating(GOOD, "Cán bộ hướng dẫn tận tình, đúng hẹn."));
        assertThat(rated.status()).as(rated.body().toString()).isEqualTo(200);
        JsonNode first = rated.body();
        assertThat(first.path("total").asInt()).isEqualTo(16);
        assertThat(first.path("satisfaction").asText()).isEqualTo("RAT_HAI_LONG");
        assertThat(first.path("satisfactionText").asText()).isEqualTo("Rất hài lòng");
        assertThat(first.path("grade").asText()).isEqualTo("Xuất sắc");
        assertThat(first.path("revision").asInt()).isEqualTo(1);
        assertThat(first.path("channel").asText()).isEqualTo("PORTAL");
        assertThat(first.path("comment").asText()).isEqualTo("Cán bộ hướng dẫn tận tình, đúng hẹn.");
        assertThat(LocalDateTime.parse(first.path("editableUntil").asText()))
                .isEqualTo(
                        LocalDateTime.parse(first.path("firstRatedAt").asText()).plusDays(7));
        assertThat(first.path("officials"))
                .extracting(JsonNode::asText)
                .as("the officials who completed its steps")
                .containsExactly("pr.chutich", "pr.chuyenvien", "pr.tiepnhan", "pr.truongphong", "pr.vanthu");

        // changed by the filer's account, at the counter's kiosk: the same rating, a new revision
        Api.Reply changed = api.send(
                "PUT",
                "/api/dossiers/" + filed.code() + "/rating",
                "congdan",
                Map.of(),
                Map.of("scores", FAIR, "channel", "kiosk"));
        assertThat(changed.status()).as(changed.body().toString()).isEqualTo(200);
        assertThat(changed.body().path("total").asInt()).isEqualTo(9);
        assertThat(changed.body().path("satisfaction").asText()).isEqualTo("HAI_LONG");
        assertThat(changed.body().path("grade").asText()).isEqualTo("Khá");
        assertThat(changed.body().path("revision").asInt()).isEqualTo(2);
        assertThat(changed.body().path("channel").asText()).isEqualTo("KIOSK");
        assertThat(changed.body().path("firstRatedAt").asText())
                .isEqualTo(first.path("firstRatedAt").asText());
        assertThat(rows(filed)).isEqualTo(1);
        assertThat(sql.queryForMap(
                        "select rated_by, comment_text, cast(total as int) as total from dossier_rating"
                                + " where dossier_code = ?",
                        filed.code()))
                .containsEntry("rated_by", "congdan")
                .containsEntry("comment_text", null)
                .containsEntry("total", 9);
        assertThat(view(filed).body().path("rating").path("total").asInt()).isEqualTo(9);
    }

    @Test
    void onlyTheApplicantMayReadOrGiveTheRating() {
        api = new Api(port);
        Api.Filed filed = api.fileHousePermitOnline();
        api.returnHousePermit(filed.code());
        String path = "/api/dossiers/" + filed.code() + "/rating";
        Map<String, Object> body = rating(GOOD, null);

        for (String stranger : new String[] {"congdan2", "pr.tiepnhan", "admin"}) {
            Api.Reply refused = api.send("PUT", path, stranger, Map.of(), body);
            assertThat(refused.status()).as(stranger).isEqualTo(403);
            assertThat(refused.text("message")).startsWith("Chỉ người nộp hồ sơ mới đánh giá được");
            assertThat(api.get(path, stranger).status()).as(stranger).isEqualTo(403);
        }
        assertThat(api.send("PUT", path, null, Map.of(), body).status())
                .as("no secret, no login")
                .isEqualTo(403);
        Api.Reply wrong = api.send("PUT", path, null, Map.of("X-Motcua-Secret", "AAAA-AAAA-AAAA"), body);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(wrong.text("messageEn"))
                .isEqualTo("The secret is wrong: use the one given when the dossier was filed.");
        assertThat(api.send("PUT", path + "?secret=" + filed.secret(), null, Map.of(), body)
                        .status())
                .as("a secret in the address is refused")
                .isEqualTo(400);
        assertThat(api.get("/api/dossiers/000.20.43.H43-990101-9999/rating", "congdan")
                        .status())
                .isEqualTo(404);
        assertThat(rows(filed)).isZero();
    }

    @Test
    void aBadRatingIsRefusedWithItsReasonAndNothingIsStored() {
        api = new Api(port);
        Api.Filed filed = api.fileHousePermitOnline();
        api.returnHousePermit(filed.code());

        assertRefused(
                filed,
                rating(List.of(2, 2, 2, 2, 2, 2, 2, 2), null),
                "Cần chấm đủ 9 tiêu chí (mỗi tiêu chí 0, 1 hoặc 2 điểm); nhận được 8.");
        assertRefused(
                filed,
                rating(List.of(2, 2, 2, 3, 2, 2, 2, 2, 2), null),
                "Tiêu chí 4 (Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ): điểm phải là 0, 1 hoặc 2,"
                        + " không phải 3.");
        List<Integer> missing = new ArrayList<>(GOOD);
        missing.set(0, null);
        assertRefused(
                filed,
                rating(missing, null),
                "Tiêu chí 1 (Thời gian giải quyết hồ sơ so với thời hạn theo quy định): điểm phải là 0, 1 hoặc 2,"
                        + " không phải null.");
        assertRefused(filed, rating(GOOD, "ý".repeat(1001)), "Ý kiến góp ý dài quá 1000 ký tự.");
        assertRefused(
                filed,
                rating(GOOD, "Tốt 👍"),
                "Ý kiến góp ý có ký tự không dùng được (ký tự điều khiển hoặc biểu tượng cảm xúc).");
        Map<String, Object> sms = new HashMap<>(rating(GOOD, null));
        sms.put("channel", "SMS");
        assertRefused(filed, sms, "Kênh đánh giá \"SMS\" không hợp lệ (PORTAL hoặc KIOSK).");
        assertThat(rows(filed)).isZero();
        assertThat(officials(filed)).isZero();
    }

    @Test
    void afterThePeriodTheRatingStandsAsItWas() {
        api = new Api(port);
        Api.Filed filed = api.fileHousePermitOnline();
        api.returnHousePermit(filed.code());
        assertThat(put(filed, rating(GOOD, null)).status()).isEqualTo(200);
        // the first rating was given eight days ago
        sql.update(
                "update dossier_rating set first_rated_at = ? where dossier_code = ?",
                LocalDateTime.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(8),
                filed.code());

        Api.Reply late = put(filed, rating(FAIR, null));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.text("message")).startsWith("Đã hết thời hạn sửa đánh giá hồ sơ " + filed.code() + " (đến ");
        assertThat(view(filed).body().path("mayRate").asBoolean()).isFalse();
        assertThat(sql.queryForObject(
                        "select total from dossier_rating where dossier_code = ?", Integer.class, filed.code()))
                .isEqualTo(16);
    }

    @Test
    void fourFirstRatingsAtOnceMakeOneRatingWithFourRevisions() throws Exception {
        api = new Api(port);
        Api.Filed filed = api.fileHousePermitOnline();
        api.returnHousePermit(filed.code());
        List<Callable<Api.Reply>> ratings = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            List<Integer> scores = new ArrayList<>(FAIR);
            scores.set(i, 2);
            ratings.add(() -> put(filed, rating(scores, null)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Api.Reply> answer : pool.invokeAll(ratings)) {
                assertThat(answer.get().status())
                        .as(answer.get().body().toString())
                        .isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(rows(filed)).isEqualTo(1);
        Map<String, Object> row = sql.queryForMap(
                "select cast(total as int) as total, revision from dossier_rating where dossier_code = ?",
                filed.code());
        assertThat(row).containsEntry("revision", 4).containsEntry("total", 10);
        assertThat(officials(filed)).isEqualTo(5);
    }

    private void assertRefused(Api.Filed filed, Map<String, Object> body, String message) {
        Api.Reply refused = put(filed, body);
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(400);
        assertThat(refused.text("message")).isEqualTo(message);
        assertThat(refused.text("messageEn")).isNotEqualTo(message).isNotBlank();
    }

    private Api.Reply view(Api.Filed filed) {
        Api.Reply reply = api.getWithSecret("/api/dossiers/" + filed.code() + "/rating", filed.secret());
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        return reply;
    }

    private Api.Reply put(Api.Filed filed, Map<String, Object> body) {
        return api.send(
                "PUT",
                "/api/dossiers/" + filed.code() + "/rating",
                null,
                Map.of("X-Motcua-Secret", filed.secret()),
                body);
    }

    private static Map<String, Object> rating(List<Integer> scores, String comment) {
        Map<String, Object> body = new HashMap<>();
        body.put("scores", scores);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    private int rows(Api.Filed filed) {
        return sql.queryForObject(
                "select count(*) from dossier_rating where dossier_code = ?", Integer.class, filed.code());
    }

    private int officials(Api.Filed filed) {
        return sql.queryForObject(
                "select count(*) from dossier_rating_official where dossier_code = ?", Integer.class, filed.code());
    }
}
