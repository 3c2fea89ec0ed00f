package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.slips.ResultDocumentSealed;

/**
 * Indicator 4.1 of the 766 index on the real engine: three house permits of the ward walked to their return, each
 * signed by the chairman and sealed by the ward, and a copy certification of the ward (its model has no signing step)
 * resolved in the same days. Other classes file ward dossiers in the same database, so the index is read before and
 * after and the difference must be exactly 3 of 4.
 */
@IntegrationTest
class Index766ElectronicResultsTests {

    private static final String WARD = "000.20.43.H43";
    private static final String SEALED = ResultDocumentSealed.class.getName();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    IncompleteEventPublications incomplete;

    /** 4.1 of the ward over yesterday..tomorrow (the walk may cross midnight). */
    record Ratio(int sealed, int resolved, JsonNode indicator) {}

    @Test
    void threeSealedPermitsAndOneCopyCertificationGiveThreeOfFour() {
        Api api = new Api(port);
        settled();
        Ratio before = electronicResults(api);

        List<String> permits = List.of(
                api.returnedHousePermit().code(),
                api.returnedHousePermit().code(),
                api.returnedHousePermit().code());
        String copy = returnedCopyCertification(api);
        waitFor(() -> count(
                                "select count(*) from reporting_dossier where dossier_code in (?, ?, ?, ?)"
                                        + " and resolved_at is not null",
                                permits.get(0),
                                permits.get(1),
                                permits.get(2),
                                copy)
                        == 4
                && count(
                                "select count(*) from reporting_sealed_result where dossier_code in (?, ?, ?)",
                                permits.get(0),
                                permits.get(1),
                                permits.get(2))
                        == 3);
        settled();

        for (String permit : permits) {
            assertThat(jdbc.queryForMap(
                            "select document_id, sha256 from reporting_sealed_result where dossier_code = ?", permit))
                    .as("the read model holds the sealed revision of %s", permit)
                    .isEqualTo(jdbc.queryForMap(
                            "select id as document_id, sha256 from signed_document"
                                    + " where dossier_code = ? and kind = 'RESULT' and revision = 2",
                            permit));
        }
        assertThat(count("select count(*) from reporting_sealed_result where dossier_code = ?", copy))
                .isZero();

        Ratio after = electronicResults(api);
        assertThat(after.sealed() - before.sealed()).isEqualTo(3);
        assertThat(after.resolved() - before.resolved()).isEqualTo(4);
        BigDecimal percent = BigDecimal.valueOf(after.sealed() * 100L)
                .divide(BigDecimal.valueOf(after.resolved()), 2, RoundingMode.HALF_UP);
        assertThat(after.indicator().path("value").decimalValue()).isEqualByComparingTo(percent);
        assertThat(after.indicator().path("target").decimalValue()).isEqualByComparingTo("100");
        assertThat(after.indicator().path("maxPoints").decimalValue()).isEqualByComparingTo("4.4");
        assertThat(after.indicator().path("points").decimalValue())
                .isEqualByComparingTo(percent.multiply(new BigDecimal("4.4"))
                        .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));

        String first = permits.get(0);
        Map<String, Object> row = jdbc.queryForMap(
                "select document_id, sha256, sealed_at from reporting_sealed_result where dossier_code = ?", first);
        String completed =
                "select count(*) from EVENT_PUBLICATION where event_type = ? and completion_date is not null";
        int delivered = count(completed, SEALED);
        // the very publication of the first permit's seal delivered again, as EventPublications resubmits it
        assertThat(jdbc.update(
                        "update EVENT_PUBLICATION set completion_date = null where event_type = ?"
                                + " and serialized_event like ?",
                        SEALED,
                        "%" + first + "%"))
                .isEqualTo(1);
        incomplete.resubmitIncompletePublications(
                publication -> publication.getEvent() instanceof ResultDocumentSealed sealed
                        && sealed.dossierCode().equals(first));
        // and an older seal of the same dossier arriving late
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> events.publishEvent(new ResultDocumentSealed(
                        first,
                        "an-older-document",
                        "0".repeat(64),
                        ((Timestamp) row.get("sealed_at")).toLocalDateTime().minusMinutes(1))));
        waitFor(() -> count(completed, SEALED) == delivered + 1);
        assertThat(jdbc.queryForMap(
                        "select document_id, sha256, sealed_at from reporting_sealed_result where dossier_code = ?",
                        first))
                .as("the same event again, and an older seal, change nothing")
                .isEqualTo(row);
        assertThat(electronicResults(api)).isEqualTo(after);

        Api.Reply rebuilt = api.post("/api/reports/rebuild", "admin", Map.of());
        assertThat(rebuilt.status()).as(rebuilt.body().toString()).isEqualTo(200);
        Ratio afterRebuild = electronicResults(api);
        assertThat(afterRebuild.sealed())
                .as("the rebuild keeps the sealed results")
                .isEqualTo(after.sealed());
        assertThat(afterRebuild.resolved()).isEqualTo(after.resolved());
    }

    /** Filed at the counter and walked through the copy certification model (no signing step) to its return. */
    private static String returnedCopyCertification(Api api) {
        Map<String, Object> request = new HashMap<>();
        request.put("procedureCode", "2.000815.H43");
        request.put("channel", "COUNTER");
        request.put("applicant", Api.houseApplicant());
        request.put("formData", Map.of("documentName", "Bằng tốt nghiệp đại học", "pages", 1, "copies", 3));
        request.put("receivedComponents", List.of("BANCHINH", "BANSAO"));
        Api.Reply filed = api.fileDossier("pr.tiepnhan", Api.multipart(request, Map.of()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        String code = filed.text("code");
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        api.completeTask(
                "pr.chutich",
                code,
                "Task_CertifyCopy",
                Map.of("certifyDecision", "certify", "certificationNumber", "125"));
        api.completeTask("pr.tiepnhan", code, "Task_ReturnResult", Map.of("returnChannel", "counter"));
        return code;
    }

    private Ratio electronicResults(Api api) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
        Api.Reply reply = api.get(
                "/api/reports/index766?from=" + today.minusDays(1) + "&to=" + today.plusDays(1) + "&agency=" + WARD,
                "pr.truongphong");
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        for (JsonNode indicator : reply.body().path("scopes").get(0).path("indicators")) {
            if (indicator.path("code").asText().equals("4.1")) {
                return new Ratio(
                        indicator.path("numerator").asInt(),
                        indicator.path("denominator").asInt(),
                        indicator);
            }
        }
        throw new AssertionError("no indicator 4.1 in " + reply.body());
    }

    /**
     * Until no event published in the last two minutes waits for its listener, so that another class's dossiers are
     * counted before or after, not in between (older incomplete ones failed and wait for their resubmission).
     */
    private void settled() {
        waitFor(() -> count("select count(*) from EVENT_PUBLICATION where completion_date is null"
                        + " and publication_date > current_timestamp(6) - interval 2 minute")
                == 0);
    }

    private int count(String sql, Object... arguments) {
        return jdbc.queryForObject(sql, Integer.class, arguments);
    }

    private static void waitFor(BooleanSupplier condition) {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("not reached within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
