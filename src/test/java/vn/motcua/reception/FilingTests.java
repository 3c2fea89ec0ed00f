package vn.motcua.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/** Bad filings are refused with a message a person understands, and leave no row and no process behind. */
@IntegrationTest
class FilingTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    RuntimeService runtime;

    Api api;
    long dossiersBefore;
    long attachmentsBefore;
    long processesBefore;

    @BeforeEach
    void countWhatIsStored() {
        api = new Api(port);
        dossiersBefore = count("dossier");
        attachmentsBefore = count("dossier_attachment");
        processesBefore = runtime.createProcessInstanceQuery().count();
    }

    @AfterEach
    void nothingWasStored() {
        assertThat(count("dossier")).isEqualTo(dossiersBefore);
        assertThat(count("dossier_attachment")).isEqualTo(attachmentsBefore);
        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(processesBefore);
    }

    @Test
    void refusesAnUnknownProcedure() {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", "9.999999.H43");
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("Không có thủ tục mã 9.999999.H43");
        assertThat(reply.text("messageEn")).contains("no procedure 9.999999.H43");
    }

    @Test
    void refusesFilingAPartOfALienThongGroupThatOnlyAnotherAgencyMaySend() {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", "1.004194.H43");
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(request, Map.of("TOKHAI", Api.PDF)));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("chỉ nhận hồ sơ liên thông từ cơ quan khác");
        assertThat(reply.text("messageEn")).contains("only as a handoff from another agency");
        // and the public catalogue does not offer it, while the group it belongs to is there
        assertThat(api.get("/api/procedures?q=H43").body().toString())
                .contains("1.001193.H43")
                .doesNotContain("1.004194.H43")
                .doesNotContain("1.001001.H43");
    }

    @Test
    void refusesAMissingRequiredFieldOfTheStartFormNamingIt() {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("formData", Map.of("constructionAddress", "Phan Rang", "landParcel", "Thửa 1", "floors", 2));
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(reply.status()).isEqualTo(400);
        // named as the form labels it, not by its key
        assertThat(reply.text("message"))
                .isEqualTo("Hồ sơ chưa hợp lệ: thiếu trường bắt buộc \"Tổng diện tích sàn (m²)\".");
        assertThat(reply.text("messageEn")).contains("the required field \"Tổng diện tích sàn (m²)\" is missing");
    }

    @Test
    void refusesABadApplicantNameNamingTheFieldAsTheFormLabelsIt() {
        Map<String, Object> applicant = new HashMap<>(Api.houseApplicant());
        applicant.put("name", "Nguyễn Văn 3");
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("applicant", applicant);
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message"))
                .isEqualTo("Hồ sơ chưa hợp lệ: \"Họ và tên người nộp\" chỉ gồm chữ cái (có dấu tiếng Việt), dấu cách"
                        + " và các dấu . ' -.");
        assertThat(reply.text("messageEn"))
                .isEqualTo("The dossier is not valid; nothing was stored: \"Applicant's full name\" may hold only"
                        + " letters (Vietnamese diacritics included), spaces and the marks . ' -.");
    }

    @Test
    void refusesAMissingRequiredComponent() {
        Api.Reply reply = api.fileDossier(
                "congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Map.of("DON", Api.PDF, "QSDD", Api.PDF)));
        assertThat(reply.status()).isEqualTo(400);
        // named as the catalogue names it, not by its code
        assertThat(reply.text("message"))
                .isEqualTo("Hồ sơ chưa hợp lệ: thiếu thành phần hồ sơ bắt buộc \"Bản vẽ thiết kế xây dựng (mặt bằng,"
                        + " mặt cắt, mặt đứng, móng)\".");
        assertThat(reply.text("messageEn")).doesNotContain("BANVE");
    }

    @Test
    void refusesAFileThatIsNotReallyAPdfOrImage() {
        Map<String, byte[]> files = new HashMap<>(Api.houseFiles());
        files.put("BANVE", "MZ\u0090\u0000 this is a program".getBytes());
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), files));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("không phải PDF, JPEG hoặc PNG");
    }

    @Test
    void refusesAnOversizedAttachment() {
        byte[] large = new byte[11 * 1024 * 1024];
        System.arraycopy(Api.PDF, 0, large, 0, Api.PDF.length);
        Map<String, byte[]> files = new HashMap<>(Api.houseFiles());
        files.put("BANVE", large);
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), files));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("vượt quá 10 MB");
    }

    @Test
    void refusesMalformedJson() {
        MultiValueMap<String, Object> parts = Api.multipart(Map.of(), Api.houseFiles());
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.set("dossier", new HttpEntity<>("{\"procedureCode\": \"1.009994.H43\", ", json));
        Api.Reply reply = api.fileDossier("congdan", parts);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("không đúng định dạng JSON");
    }

    @Test
    void refusesAnApplicantWithoutAValidIdentifier() {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        Map<String, Object> applicant = new HashMap<>(Api.houseApplicant());
        applicant.put("idNumber", "12345");
        request.put("applicant", applicant);
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text("message")).contains("\"Số định danh cá nhân\" phải gồm 12 chữ số");
    }

    @Test
    void refusesCounterFilingByACitizen() {
        Api.Reply reply =
                api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("COUNTER"), Api.houseFiles()));
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.text("message")).contains("Chỉ cán bộ tiếp nhận");
    }

    @Test
    void refusesFilingWithoutLogin() {
        Api.Reply reply = api.fileDossier(null, Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(reply.status()).isEqualTo(401);
    }

    @Test
    void answersAnUnknownCodeWithNotFound() {
        Api.Reply reply = api.get("/api/tracking/000.20.43.H43-260101-9999");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text("message")).contains("Không tìm thấy hồ sơ có mã 000.20.43.H43-260101-9999");
    }

    @Test
    void refusesAWithdrawalWithTheWrongSecret() {
        Api.Reply reply = api.post(
                "/api/dossiers/000.20.43.H43-260101-9999/withdrawal", null, Map.of("secret", "x", "reason", "thôi"));
        assertThat(reply.status()).isEqualTo(404);
    }

    private long count(String table) {
        return sql.queryForObject("select count(*) from " + table, Long.class);
    }
}
