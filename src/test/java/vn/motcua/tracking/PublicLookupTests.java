package vn.motcua.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * What anyone who knows (or guesses) a code sees: codes are sequential by law, so walking the numbers must show no
 * official's note or reason and no personal data; and a code typed in lower case, full width or with spaces finds the
 * same dossier at every endpoint that takes one.
 */
@IntegrationTest
class PublicLookupTests {

    /** The fields a public answer may carry (non-null); everything else is the applicant's. */
    static final Set<String> PUBLIC_FIELDS = Set.of(
            "code",
            "status",
            "statusLabel",
            "procedureCode",
            "procedureName",
            "agencyCode",
            "agencyName",
            "applicant",
            "receivedAt",
            "appointmentAt",
            "extendedAppointmentAt",
            "finishedAt",
            "timeliness",
            "nearDeadline",
            "currentStep",
            "timeline");

    static final Set<String> PUBLIC_EVENT_FIELDS =
            Set.of("at", "kind", "status", "text", "department", "dueAt", "completedAt", "timeliness");

    @LocalServerPort
    int port;

    @Autowired
    LookupLimits limits;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        limits.clear();
    }

    @AfterEach
    void forgetMisses() {
        limits.clear();
    }

    record Filed(String code, String secret, String name, String idNumber, String phone) {}

    @Test
    void walkingConsecutiveCodesWithoutTheSecretShowsNoNotesNoReasonsAndNoPersonalData() {
        List<Filed> filed = new ArrayList<>();
        List<String> secretTexts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            filed.add(file("Trần Thị Bích Ngọc " + (char) ('A' + i), "05809000" + (5670 + i), "091234" + (5670 + i)));
        }
        String refusal = "Thửa đất 125 đang tranh chấp, hồ sơ số TC-" + System.nanoTime();
        decide(filed.get(0).code(), "refuse", refusal);
        String supplement = "Thiếu bản vẽ mặt cắt móng, ghi chú nội bộ " + System.nanoTime();
        decide(filed.get(1).code(), "supplement", supplement);
        String accepted = "Cán bộ ghi chú: đã gọi điện cho chủ nhà " + System.nanoTime();
        decide(filed.get(2).code(), "accept", accepted);
        String withdrawal = "Gia đình tôi đổi ý vì lý do riêng " + System.nanoTime();
        assertThat(api.post(
                                "/api/dossiers/" + filed.get(3).code() + "/withdrawal",
                                null,
                                Map.of("secret", filed.get(3).secret(), "reason", withdrawal))
                        .status())
                .isEqualTo(202);
        secretTexts.addAll(List.of(refusal, supplement, accepted, withdrawal));
        for (Filed f : filed) {
            secretTexts.addAll(
                    List.of(f.name(), f.idNumber(), f.phone(), f.secret(), "Đường số 7 khu phố " + f.phone()));
        }

        // with the secret, the applicant does see the reasons that concern them
        assertThat(api.getWithSecret(
                                "/api/tracking/" + filed.get(0).code(),
                                filed.get(0).secret())
                        .body()
                        .toString())
                .contains(refusal)
                .contains(filed.get(0).idNumber());
        assertThat(api.getWithSecret(
                                "/api/tracking/" + filed.get(1).code(),
                                filed.get(1).secret())
                        .body()
                        .toString())
                .contains(supplement);

        String first = filed.get(0).code();
        String prefix = first.substring(0, first.lastIndexOf('-') + 1);
        int from = sequence(first);
        int to = sequence(filed.get(filed.size() - 1).code());
        assertThat(to - from).isEqualTo(filed.size() - 1);
        int found = 0;
        for (int n = Math.max(1, from - 1); n <= to + 2; n++) {
            String code = prefix + "%04d".formatted(n);
            for (String path : List.of(
                    "/api/tracking/" + code,
                    "/api/tracking/" + code + "/diagram",
                    "/api/dossiers/" + code + "/slips/giay-tiep-nhan",
                    "/api/dossiers/" + code + "/slips/phieu-tu-choi",
                    "/api/dossiers/" + code + "/slips/phieu-bo-sung")) {
                Api.Reply reply = api.get(path);
                String body = reply.body().toString();
                for (String text : secretTexts) {
                    assertThat(body)
                            .as("%s (%d) must not show %s", path, reply.status(), text)
                            .doesNotContain(text);
                }
                if (path.endsWith(code) && reply.status() == 200) {
                    found++;
                    assertThat(nonNullFields(reply.body()))
                            .as(path)
                            .isSubsetOf(PUBLIC_FIELDS)
                            .contains("code", "status", "statusLabel", "procedureName", "agencyName", "timeline");
                    assertThat(reply.text("applicant")).as(path).matches("(\\p{L}\\. ?)+");
                    reply.body()
                            .path("timeline")
                            .forEach(event -> assertThat(nonNullFields(event))
                                    .as("%s event %s", path, event)
                                    .isSubsetOf(PUBLIC_EVENT_FIELDS));
                } else if (path.contains("/slips/")) {
                    assertThat(reply.status()).as(path).isIn(403, 404);
                }
            }
        }
        assertThat(found).isGreaterThanOrEqualTo(filed.size());
    }

    @Test
    void aCodeInLowerCaseFullWidthOrWithSpacesFindsTheSameDossierEverywhere() {
        Filed filed = file("Lê Văn Tám", "058090007777", "0912347777");
        String code = filed.code();
        for (String typed : List.of(code.toLowerCase(), fullWidth(code), " " + code.replace("-", " - ") + " ")) {
            Api.Reply tracking = api.get("/api/tracking/" + typed);
            assertThat(tracking.status()).as(typed).isEqualTo(200);
            assertThat(tracking.text("code")).isEqualTo(code);
            Api.Reply diagram = api.get("/api/tracking/" + typed + "/diagram");
            assertThat(diagram.status()).as(typed).isEqualTo(200);
            assertThat(diagram.body().path("current").toString()).contains("Task_CheckDossier");
            assertThat(api.send(
                                    "GET",
                                    "/api/dossiers/" + typed + "/slips/giay-tiep-nhan",
                                    null,
                                    Map.of("X-Motcua-Secret", filed.secret()),
                                    null)
                            .status())
                    .as(typed)
                    .isEqualTo(200);
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("BANVE", Api.file("mat-cat.pdf", Api.PDF));
            Api.Reply supplement = api.send(
                    "POST",
                    "/api/dossiers/" + typed + "/supplements",
                    null,
                    Map.of("X-Motcua-Secret", filed.secret()),
                    parts);
            assertThat(supplement.status()).as(typed).isEqualTo(409);
            assertThat(supplement.text("message")).contains("không ở trạng thái chờ bổ sung");
            Api.Reply apology = api.post(
                    "/api/dossiers/" + typed + "/apology",
                    "pr.truongphong",
                    Map.of("reason", "Chờ ý kiến", "newAppointmentAt", "2099-01-01T17:00:00"));
            assertThat(apology.status()).as(typed + " " + apology.body()).isEqualTo(409);
            assertThat(apology.text("message")).contains("chưa được tiếp nhận");
        }
        Api.Reply withdrawal = api.send(
                "POST",
                "/api/dossiers/" + fullWidth(code).toLowerCase() + "/withdrawal",
                null,
                Map.of("X-Motcua-Secret", filed.secret()),
                Map.of("reason", "Tôi nộp nhầm thủ tục"));
        assertThat(withdrawal.status()).as(withdrawal.body().toString()).isEqualTo(202);
    }

    @Test
    void aSecretInTheUrlIsRefusedInBothLanguagesAndNothingHappens() {
        Filed filed = file("Phạm Thị Hoa", "058090008888", "0912348888");
        for (String path : List.of(
                "/api/tracking/" + filed.code() + "?secret=" + filed.secret(),
                "/api/dossiers/" + filed.code() + "/slips/giay-tiep-nhan?secret=" + filed.secret())) {
            Api.Reply refused = api.get(path);
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.text("message"))
                    .isEqualTo("Mã bí mật không được gửi trên địa chỉ (?secret=): vui lòng gửi trong tiêu đề"
                            + " X-Motcua-Secret.");
            assertThat(refused.text("messageEn"))
                    .isEqualTo("The secret must not be sent in the URL (?secret=): send it in the X-Motcua-Secret"
                            + " header.");
        }
        Api.Reply withdrawal = api.post(
                "/api/dossiers/" + filed.code() + "/withdrawal?secret=" + filed.secret(),
                null,
                Map.of("reason", "Thử rút"));
        assertThat(withdrawal.status()).isEqualTo(400);
        assertThat(api.get("/api/tracking/" + filed.code())
                        .body()
                        .path("status")
                        .asInt())
                .isEqualTo(1);
    }

    /**
     * Issue 17: without the secret, tracking reads the public record the dossier's row keeps. At every stage it answers
     * exactly what the timeline's tables give (a row that keeps none is read from them), and a row that kept none gets
     * the whole timeline with its next change.
     */
    @Test
    void theAnswerFromTheDossiersRowIsTheAnswerFromItsTablesAtEveryStage() {
        Filed filed = file("Lê Thị Thu Hà", "058090001234", "0912001234");
        String code = filed.code();
        assertSameFromRowAndTables(code, 1, 1);
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        assertSameFromRowAndTables(code, 4, 2);
        // the row keeps no timeline (a dossier stored before issue 17): its next step writes all of it
        jdbc.update("update dossier set public_timeline = null where code = ?", code);
        api.completeTask("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        assertThat(jdbc.queryForObject("select public_timeline from dossier where code = ?", String.class, code))
                .contains("\"key\":\"Task_CheckDossier\"", "\"key\":\"Task_AssignDossier\"");
        assertSameFromRowAndTables(code, 4, 3);
        api.completeTask("pr.chuyenvien", code, "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        api.completeTask("pr.truongphong", code, "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        api.completeTask("pr.chutich", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        api.completeTask("pr.vanthu", code, "Task_IssueResult", Map.of("resultNumber", "15/GPXD"));
        api.completeTask("pr.tiepnhan", code, "Task_ReturnResult", Map.of("returnChannel", "counter"));
        JsonNode returned = assertSameFromRowAndTables(code, 10, 7);
        assertThat(returned.path("timeliness").asText()).isEqualTo("EARLY");
        assertThat(returned.path("currentStep").asText()).isEqualTo("Đã trả kết quả");
    }

    /** The public answer from the row, then from the tables (the row's timeline removed), equal; the row restored. */
    private JsonNode assertSameFromRowAndTables(String code, int status, int steps) {
        Api.Reply fromRow = api.get("/api/tracking/" + code);
        assertThat(fromRow.status()).isEqualTo(200);
        String kept = jdbc.queryForObject("select public_timeline from dossier where code = ?", String.class, code);
        assertThat(kept).as("the row keeps the public timeline").isNotNull();
        jdbc.update("update dossier set public_timeline = null where code = ?", code);
        Api.Reply fromTables = api.get("/api/tracking/" + code);
        jdbc.update("update dossier set public_timeline = ? where code = ?", kept, code);
        assertThat(fromRow.body()).isEqualTo(fromTables.body());
        assertThat(fromRow.body().path("status").asInt()).isEqualTo(status);
        int stepEvents = 0;
        for (JsonNode event : fromRow.body().path("timeline")) {
            stepEvents += event.path("kind").asText().equals("STEP") ? 1 : 0;
        }
        assertThat(stepEvents).isEqualTo(steps);
        return fromRow.body();
    }

    private Filed file(String name, String idNumber, String phone) {
        Map<String, Object> applicant = Map.of(
                "kind", "PERSON",
                "name", name,
                "idNumber", idNumber,
                "address", "Đường số 7 khu phố " + phone,
                "phone", phone);
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("applicant", applicant);
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        return new Filed(reply.text("code"), reply.text("secret"), name, idNumber, phone);
    }

    private void decide(String code, String decision, String note) {
        List<JsonNode> tasks = api.tasks("pr.tiepnhan", code);
        assertThat(tasks).hasSize(1);
        String task = tasks.get(0).path("id").asText();
        assertThat(api.claim("pr.tiepnhan", task)).isEqualTo(204);
        assertThat(api.complete("pr.tiepnhan", task, Map.of("receptionDecision", decision, "receptionNote", note))
                        .status())
                .isEqualTo(204);
    }

    private static int sequence(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('-') + 1));
    }

    private static Set<String> nonNullFields(JsonNode node) {
        Set<String> fields = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isNull()) {
                fields.add(field.getKey());
            }
        }
        return fields;
    }

    /** The code as a phone's full-width keyboard types it (U+FF01–U+FF5E for ASCII '!'–'~'). */
    private static String fullWidth(String code) {
        StringBuilder wide = new StringBuilder();
        code.chars().forEach(c -> wide.append(c >= '!' && c <= '~' ? (char) (c + 0xFEE0) : (char) c));
        return wide.toString();
    }
}
