package vn.motcua.nationalportal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.OwnApplication;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.Step;

/**
 * The link with the national portal (issue 15), the whole application on MariaDB against the portal's emulator run
 * as a process of its own: a dossier filed here appears there with its fields and each step in order; a dossier
 * filed there is filed here, processed, and its final status is there; a record the portal refuses is parked with the
 * portal's reason, holds its dossier's later steps back, and is sent after the operator's retry; indicator 1.4 is the
 * portal's own count.
 */
@OwnApplication
@IntegrationTest
// the context linked to this class's emulator closes with it: its sync would call a portal that is gone
@DirtiesContext
class NationalPortalLinkTests {

    static final String WARD = "000.20.43.H43";
    static final String HOUSE_PERMIT = "1.009994.H43";
    static final String PUSH_TOKEN = "push-token-of-the-test";

    static final PortalEmulator portal = PortalEmulator.named("link").start();

    @DynamicPropertySource
    static void link(DynamicPropertyRegistry properties) {
        properties.add("motcua.national-portal.url", () -> portal.url().toString());
        properties.add("motcua.national-portal.unit", () -> "000.00.00.H43");
        properties.add("motcua.national-portal.username", () -> "motcua");
        properties.add("motcua.national-portal.password", () -> "motcua-demo");
        properties.add("motcua.national-portal.poll", () -> "PT0.3S");
        properties.add("motcua.national-portal.backoff-max", () -> "PT1S");
        properties.add("motcua.national-portal.inbound", () -> "poll");
        properties.add("motcua.national-portal.inbound-poll", () -> "PT0.5S");
        properties.add("motcua.national-portal.push-token", () -> PUSH_TOKEN);
    }

    @AfterAll
    static void stop() {
        portal.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    Dossiers dossiers;

    @Autowired
    JdbcTemplate sql;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void aDossierFiledOnlineAppearsOnThePortalWithItsFieldsAndEachStepInOrder() {
        String code = api.fileHousePermitOnline().code();
        api.returnHousePermit(code);

        await(() -> portal.progress(code).size() == 7 && status(code) == 10, "the record at 10 and 7 steps");
        JsonNode record = portal.record(code).orElseThrow().path("record");
        var dossier = dossiers.find(code).orElseThrow();
        assertThat(record.path("MaHoSo").asText()).isEqualTo(code);
        assertThat(record.path("SoBienNhan").asText()).isEqualTo(code);
        assertThat(record.path("MaTTHC").asText()).isEqualTo(HOUSE_PERMIT);
        assertThat(record.path("TenTTHC").asText()).isEqualTo("Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ");
        assertThat(record.path("ChuHoSo").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(record.path("LoaiDoiTuong").asText()).isEqualTo("1");
        assertThat(record.path("MaDoiTuong").asText()).isEqualTo("058090001234");
        assertThat(record.path("SoDienThoai").asText()).isEqualTo("0912345678");
        assertThat(record.path("HinhThuc").asText()).isEqualTo("1");
        assertThat(record.path("DonViXuLy").asText()).isEqualTo(WARD);
        assertThat(record.path("NgayTiepNhan").asText()).isEqualTo(portalTime(dossier.receivedAt()));
        assertThat(record.path("NgayHenTra").asText()).isEqualTo(portalTime(dossier.dueAt()));
        assertThat(record.path("NgayKetThucXuLy").asText()).isEqualTo(portalTime(dossier.finishedAt()));
        assertThat(record.path("NgayTra").asText()).hasSize(14);
        assertThat(record.path("TrangThaiHoSo").asInt()).isEqualTo(10);
        assertThat(record.path("TaiLieuNop"))
                .extracting(f -> f.path("MaThanhPhanHoSo").asText())
                .containsExactlyInAnyOrder("DON", "QSDD", "BANVE");
        assertThat(record.path("DanhSachGiayToKetQua")).hasSize(1);

        List<Step> steps = dossiers.steps(code);
        List<JsonNode> progress = list(portal.progress(code));
        assertThat(progress)
                .extracting(p -> p.path("ThoiDiemXuLy").asText())
                .as("each step once, in the order it was done")
                .containsExactlyElementsOf(
                        steps.stream().map(s -> portalTime(s.completedAt())).toList());
        assertThat(progress)
                .extracting(p -> p.path("NguoiXuLy").asText())
                .containsExactly(
                        "Ngô Thị Lan",
                        "Bùi Văn Khánh",
                        "Đỗ Thị Mai",
                        "Bùi Văn Khánh",
                        "Lương Văn Nam",
                        "Huỳnh Thị Oanh",
                        "Ngô Thị Lan");
        assertThat(progress.get(0).path("NoiDungXuLy").asText())
                .isEqualTo(steps.get(0).stepName() + ": tiếp nhận");
        assertThat(progress.get(0).path("PhongBanXuLy").asText())
                .isEqualTo("Ủy ban nhân dân phường Phan Rang – Bộ phận Một cửa");
        assertThat(progress.get(0).path("ChucDanh").asText()).isEqualTo("Cán bộ tiếp nhận");
        assertThat(progress.get(1).path("PhongBanXuLy").asText())
                .isEqualTo("Ủy ban nhân dân phường Phan Rang – Lãnh đạo phòng chuyên môn");
        assertThat(progress.get(1).path("ChucDanh").asText()).isEqualTo("Trưởng phòng");
        assertThat(progress.get(4).path("ChucDanh").asText()).isEqualTo("Lãnh đạo");
        assertThat(dossiers.statusChanges(code))
                .extracting(c -> c.status().code())
                .startsWith(1, 2, 4);
        assertThat(progress.get(0).path("TrangThai").asInt())
                .as("the check accepts (2) and hands the dossier to processing (4) in one step")
                .isEqualTo(4);
        assertThat(progress.get(6).path("TrangThai").asInt()).isEqualTo(10);
        assertThat(progress.get(0).path("NgayBatDau").asText())
                .isEqualTo(portalTime(steps.get(0).startedAt()));
        assertThat(progress.get(0).path("NgayKetThucTheoQuyDinh").asText())
                .isEqualTo(portalTime(steps.get(0).dueAt()));
        // the portal refuses a progress item whose record it does not hold (the row would be PARKED, counted below);
        // the record's first version carries the status of its sending, 1-2 if it left before the check's step, 4 after
        assertThat(list(portal.record(code).orElseThrow().path("statuses")))
                .extracting(JsonNode::asInt)
                .as("the versions the portal accepted never go back")
                .isSorted()
                .endsWith(10);
        assertThat(sql.queryForObject(
                        "select count(*) from portal_sync where dossier_code = ? and status <> 'SENT'",
                        Integer.class,
                        code))
                .isZero();
    }

    @Test
    void aDossierFiledOnThePortalIsFiledHereProcessedAndItsFinalStatusIsOnThePortal() {
        String portalCode = "QG-261203-" + (100000 + (int) (Math.random() * 899999));
        portal.fileDossier(portalDossier(portalCode, HOUSE_PERMIT));

        await(() -> ourCode(portalCode) != null, "the portal's dossier filed here");
        String code = ourCode(portalCode);
        var dossier = dossiers.find(code).orElseThrow();
        assertThat(dossier.channel().name()).isEqualTo("ONLINE");
        assertThat(dossier.applicant().name()).isEqualTo("Trần Thị Bích");
        assertThat(dossier.filedBy()).isEqualTo("dvcqg");
        assertThat(dossiers.attachments(code))
                .extracting(a -> a.componentCode())
                .containsExactlyInAnyOrder("DON", "QSDD", "BANVE");
        await(() -> code.equals(confirmedAs(portalCode)), "our code confirmed to the portal");

        api.returnHousePermit(code);
        await(() -> status(portalCode) == 10 && portal.progress(portalCode).size() == 7, "the final status there");
        JsonNode record = portal.record(portalCode).orElseThrow().path("record");
        assertThat(record.path("SoBienNhan").asText())
                .as("our code beside the portal's")
                .isEqualTo(code);
        assertThat(record.path("ChuHoSo").asText()).isEqualTo("Trần Thị Bích");
        assertThat(portal.record(code)).as("no second record under our code").isEmpty();
    }

    @Test
    void aDossierThePortalPushesIsFiledHereOnceAndConfirmedWithOurCode() {
        URI endpoint = URI.create("http://localhost:" + port + "/api/national-portal/dossiers");
        try (PortalEmulator pushing = PortalEmulator.named("push")
                        .pushUrl(endpoint)
                        .pushToken(PUSH_TOKEN)
                        .start();
                PortalEmulator wrongToken = PortalEmulator.named("push-wrong")
                        .pushUrl(endpoint)
                        .pushToken("not-the-token")
                        .start()) {
            String portalCode = "QG-261203-" + (100000 + (int) (Math.random() * 899999));
            pushing.fileDossier(portalDossier(portalCode, HOUSE_PERMIT));
            String code = ourCode(portalCode);
            assertThat(code).as("filed during the push").isNotNull();
            assertThat(confirmedAs(pushing, portalCode)).isEqualTo(code);
            assertThat(dossiers.find(code).orElseThrow().applicant().name()).isEqualTo("Trần Thị Bích");

            // the same dossier pushed again is the same dossier
            Api.Reply again = api.post("/api/national-portal/dossiers", null, portalDossier(portalCode, HOUSE_PERMIT));
            assertThat(again.status()).isEqualTo(401);
            Api.Reply twice = push(portalDossier(portalCode, HOUSE_PERMIT), PUSH_TOKEN);
            assertThat(twice.status()).isEqualTo(200);
            assertThat(twice.text("MaHoSo")).isEqualTo(code);
            assertThat(sql.queryForObject(
                            "select count(*) from portal_dossier where portal_code = ?", Integer.class, portalCode))
                    .isEqualTo(1);

            Api.Reply bad = push(portalDossier("QG-261203-000000", "9.999999.H43"), PUSH_TOKEN);
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.text("message")).isEqualTo("Không có thủ tục mã 9.999999.H43 trong danh mục.");
            assertThat(bad.text("message_en")).isEqualTo("There is no procedure 9.999999.H43 in the catalogue.");

            String refusedCode = "QG-261203-" + (100000 + (int) (Math.random() * 899999));
            wrongToken.fileDossier(portalDossier(refusedCode, HOUSE_PERMIT));
            assertThat(ourCode(refusedCode))
                    .as("a push with a wrong token files nothing")
                    .isNull();
            assertThat(confirmedAs(wrongToken, refusedCode)).isNull();
        }
    }

    @Test
    void theRecordCarriesEachSupplementRequestAndEachExtensionOfTheAppointment() {
        Api.Filed filed = api.fileHousePermitOnline();
        String code = filed.code();
        api.completeTask(
                "pr.tiepnhan",
                code,
                "Task_CheckDossier",
                Map.of("receptionDecision", "supplement", "receptionNote", "Bổ sung bản vẽ mặt cắt"));
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("BANVE", Api.file("mat-cat.pdf", Api.PDF));
        parts.add("secret", filed.secret());
        assertThat(api.post("/api/dossiers/" + code + "/supplements", null, parts)
                        .status())
                .isEqualTo(202);
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        LocalDateTime before = dossiers.find(code).orElseThrow().dueAt();
        LocalDateTime later =
                before.plusDays(10).withHour(16).withMinute(30).withSecond(0).withNano(0);
        Api.Reply apology = api.post(
                "/api/dossiers/" + code + "/apology",
                "pr.truongphong",
                Map.of("reason", "Chờ ý kiến của Sở Xây dựng", "newAppointmentAt", later.toString()));
        assertThat(apology.status()).as("%s", apology.body()).isEqualTo(201);

        await(
                () -> portal.record(code)
                                .map(r -> r.path("record")
                                                .path("DanhSachHoSoBoSung")
                                                .size()
                                        == 2)
                                .orElse(false)
                        && pending(code) == 0,
                "the supplement and the extension on the portal");
        JsonNode record = portal.record(code).orElseThrow().path("record");
        JsonNode supplement = record.path("DanhSachHoSoBoSung").get(0);
        assertThat(supplement.path("NoiDungBoSung").asText()).isEqualTo("Bổ sung bản vẽ mặt cắt");
        assertThat(supplement.path("TrangThaiBoSung").asInt())
                .as("supplemented")
                .isEqualTo(1);
        assertThat(supplement.path("NgayBoSung").asText()).hasSize(14);
        assertThat(supplement.path("NgayTiepNhanBoSung").asText()).hasSize(14);
        JsonNode extension = record.path("DanhSachHoSoBoSung").get(1);
        assertThat(extension.path("NgayHenTraTruoc").asText()).isEqualTo(portalTime(before));
        assertThat(extension.path("NgayHenTraMoi").asText()).isEqualTo(portalTime(later));
        assertThat(extension.path("NoiDungBoSung").asText())
                .isEqualTo("Gia hạn thời gian trả kết quả: Chờ ý kiến của Sở Xây dựng");
        assertThat(record.path("NgayHenTra").asText())
                .as("the appointment the timeliness counts against stays; the new date is the extension's")
                .isEqualTo(portalTime(before));
        assertThat(record.path("DanhSachLePhi").get(0).path("Gia").asLong()).isEqualTo(75000);
    }

    @Test
    void aResyncOfThePeriodSendsEveryRowAgainAndThePortalKeepsEachOnce() {
        String code = api.fileHousePermitOnline().code();
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        await(() -> portal.progress(code).size() == 1 && pending(code) == 0, "the dossier synced");
        int records = portal.stats().path("records").asInt();
        int progress = portal.stats().path("progress").asInt();
        int duplicates = portal.stats().path("duplicates").asInt();

        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Api.Reply resync = api.post("/api/national-portal/resync?from=" + today + "&to=" + today, "admin", Map.of());
        assertThat(resync.status()).as("%s", resync.body()).isEqualTo(202);
        assertThat(resync.body().path("dossiers").asInt()).isPositive();
        await(
                () -> sql.queryForObject(
                                "select count(*) from portal_sync where status in ('PENDING', 'PARKED')", Integer.class)
                        == 0,
                "everything sent again");
        assertThat(portal.stats().path("records").asInt()).isEqualTo(records);
        assertThat(portal.stats().path("progress").asInt())
                .as("each step kept once")
                .isEqualTo(progress);
        assertThat(portal.stats().path("duplicates").asInt()).isGreaterThan(duplicates);
        assertThat(portal.progress(code)).hasSize(1);
    }

    @Test
    void aSlowPortalThatForgotOurSessionStillGetsTheRecordWithOneNewLogin() {
        int logins = portal.stats().path("calls").path("login").asInt();
        portal.expireSessions();
        portal.mode(false, 1500);
        try {
            String code = api.fileHousePermitOnline().code();
            await(() -> portal.record(code).isPresent() && pending(code) == 0, "the record through a slow portal");
        } finally {
            portal.mode(false, 0);
        }
        assertThat(portal.stats().path("calls").path("login").asInt())
                .as("one new session")
                .isEqualTo(logins + 1);
        Api.Reply state = admin("/api/national-portal/sync");
        assertThat(state.body().path("link").path("linked").asBoolean()).isTrue();
        assertThat(state.body().path("link").path("mapping").asText()).isEqualTo("dvcqg-2019");
    }

    @Test
    void aPortalDossierOfAProcedureWeDoNotHaveIsRefusedWithTheReasonAndNothingIsStored() {
        String portalCode = "QG-261203-" + (100000 + (int) (Math.random() * 899999));
        portal.fileDossier(portalDossier(portalCode, "9.999999.H43"));

        await(() -> refused().has(portalCode), "the refusal in the operations view");
        assertThat(refused().path(portalCode).asText())
                .isEqualTo("Không có thủ tục mã 9.999999.H43 trong danh mục. / "
                        + "There is no procedure 9.999999.H43 in the catalogue.");
        assertThat(ourCode(portalCode)).isNull();
        assertThat(confirmedAs(portalCode)).isNull();
    }

    @Test
    void aRecordThePortalRefusesIsParkedWithItsReasonHoldsItsStepsBackAndIsSentAfterTheRetry() {
        String code = api.fileHousePermitOnline().code();
        // the refusal is set for the code the filing just got; its record may already be on the way
        portal.refuse(code, "Trường MaDoiTuong không khớp CSDL quốc gia về dân cư");
        api.completeTask("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        await(() -> parked(code) == 1, "a row parked");
        Map<String, Object> row = sql.queryForMap(
                "select kind, last_error from portal_sync where dossier_code = ? and status = 'PARKED'", code);
        assertThat(row.get("last_error"))
                .isIn(
                        "DongBoHoSoMC: Trường MaDoiTuong không khớp CSDL quốc gia về dân cư",
                        "CapNhatTienDoHoSoMC: Trường MaDoiTuong không khớp CSDL quốc gia về dân cư");
        sleep(Duration.ofSeconds(2));
        assertThat(portal.progress(code))
                .as("the step waits behind the parked row")
                .isEmpty();
        assertThat(pending(code)).isGreaterThanOrEqualTo(1);

        Api.Reply view = api.get("/api/national-portal/sync?status=PARKED&dossier=" + code);
        assertThat(view.status()).isEqualTo(401);
        Api.Reply asAdmin = admin("/api/national-portal/sync?status=PARKED&dossier=" + code);
        assertThat(asAdmin.body().path("rows")).hasSize(1);
        long id = asAdmin.body().path("rows").get(0).path("id").asLong();
        assertThat(api.post("/api/national-portal/sync/" + id + "/retry", "pr.tiepnhan", Map.of())
                        .status())
                .isEqualTo(403);

        portal.clearRefusal(code);
        Api.Reply retried = api.post("/api/national-portal/sync/" + id + "/retry", "admin", Map.of());
        assertThat(retried.status()).as("%s", retried.body()).isEqualTo(202);
        await(() -> portal.progress(code).size() == 1 && pending(code) == 0, "the record and the step sent");
        assertThat(portal.record(code)
                        .orElseThrow()
                        .path("record")
                        .path("TrangThaiHoSo")
                        .asInt())
                .isEqualTo(4);
        Api.Reply again = api.post("/api/national-portal/sync/" + id + "/retry", "admin", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().toString()).contains("không phải PARKED");
    }

    @Test
    void indicator14IsThePortalsOwnCountOfOurDossiers() {
        String code = api.fileHousePermitOnline().code();
        await(() -> portal.record(code).isPresent() && pending(code) == 0, "the record on the portal");
        await(
                () -> sql.queryForObject("select count(*) from portal_sync where status = 'PENDING'", Integer.class)
                        == 0,
                "nothing left to send");
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toString();
        Api.Reply index = admin("/api/reports/index766?from=" + today + "&to=" + today + "&agency=" + WARD);
        assertThat(index.status()).as("%s", index.body()).isEqualTo(200);
        JsonNode indicator = null;
        for (JsonNode i : index.body().path("scopes").get(0).path("indicators")) {
            if (i.path("code").asText().equals("1.4")) {
                indicator = i;
            }
        }
        assertThat(indicator).isNotNull();
        int onPortal = portal.stats().path("recordsByAgency").path(WARD).asInt();
        assertThat(onPortal).isPositive();
        assertThat(indicator.path("numerator").asInt()).isEqualTo(onPortal);

        Api.Reply reconciliation = admin("/api/national-portal/reconciliation?from=" + today + "&to=" + today);
        assertThat(reconciliation.status()).isEqualTo(200);
        long synced = 0;
        for (JsonNode agency : reconciliation.body().path("agencies")) {
            synced += agency.path("synced").asLong();
        }
        assertThat(synced).isEqualTo(portal.stats().path("records").asLong());
        assertThat(admin("/api/national-portal/reconciliation?from=" + today + "&to=2020-01-01")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theNationalCatalogueIsComparedWithOursProcedureByProcedure() throws Exception {
        JsonNode report = admin("/api/national-portal/catalogue/differences").body();
        assertThat(report.path("counts").toString()).isEqualTo("{\"NEW\":1,\"CHANGED\":0,\"SAME\":5,\"ONLY_OURS\":0}");
        assertThat(entry(report, "1.000656.H43").path("state").asText()).isEqualTo("NEW");
        assertThat(entry(report, HOUSE_PERMIT).path("state").asText()).isEqualTo("SAME");

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode catalogue;
        try (var in = getClass().getResourceAsStream("/nationalportal/emulator-catalogue.json")) {
            catalogue = json.readTree(in);
        }
        com.fasterxml.jackson.databind.node.ArrayNode changed = catalogue.deepCopy();
        for (JsonNode procedure : changed) {
            if (procedure.path("MATTHC").asText().equals(HOUSE_PERMIT)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) procedure)
                        .put("TENTTHC", "Cấp giấy phép xây dựng đối với nhà ở riêng lẻ");
                for (JsonNode channel : procedure.path("CACHTHUCTHUCHIEN")) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode)
                                    channel.path("THOIGIAN").get(0))
                            .put("THOIGIANGIAIQUYET", 12);
                }
            }
        }
        portal.catalogue(changed);
        try {
            JsonNode after = admin("/api/national-portal/catalogue/differences").body();
            JsonNode permit = entry(after, HOUSE_PERMIT);
            assertThat(permit.path("state").asText()).isEqualTo("CHANGED");
            assertThat(permit.path("differences"))
                    .extracting(d ->
                            d.path("field").asText() + ": " + d.path("ours").asText() + " → "
                                    + d.path("national").asText())
                    .containsExactly(
                            "name: Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ → Cấp giấy phép xây dựng đối với"
                                    + " nhà ở riêng lẻ",
                            "legalTime: 15 → 12");
            assertThat(after.path("counts").path("CHANGED").asInt())
                    .isEqualTo(report.path("counts").path("CHANGED").asInt() + 1);

            // taken into ours through the catalogue import, as a version in force from a day far ahead (the shared
            // database's other tests keep today's version); 12 days is less than our model's steps need: refused whole
            int versionsBefore = api.get("/api/procedures/" + HOUSE_PERMIT + "/versions")
                    .body()
                    .size();
            Api.Reply tooShort =
                    api.post("/api/national-portal/catalogue/import?effectiveFrom=2099-01-01", "admin", Map.of());
            assertThat(tooShort.status()).as("%s", tooShort.body()).isEqualTo(422);
            assertThat(tooShort.body().path("report").path("problems"))
                    .extracting(
                            p -> p.path("code").asText() + " " + p.path("field").asText() + ": "
                                    + p.path("message").asText())
                    .containsExactly("1.009994.H43 stepBudgets: thời hạn các bước trên đường xử lý cộng lại 120 giờ"
                            + " làm việc, quá thời hạn giải quyết 12 ngày làm việc (96 giờ)");
            assertThat(api.get("/api/procedures/" + HOUSE_PERMIT + "/versions").body())
                    .as("nothing stored")
                    .hasSize(versionsBefore);

            for (JsonNode procedure : changed) {
                if (procedure.path("MATTHC").asText().equals(HOUSE_PERMIT)) {
                    for (JsonNode channel : procedure.path("CACHTHUCTHUCHIEN")) {
                        ((com.fasterxml.jackson.databind.node.ObjectNode)
                                        channel.path("THOIGIAN").get(0))
                                .put("THOIGIANGIAIQUYET", 20);
                    }
                }
            }
            portal.catalogue(changed);
            Api.Reply imported =
                    api.post("/api/national-portal/catalogue/import?effectiveFrom=2099-01-01", "admin", Map.of());
            assertThat(imported.status()).as("%s", imported.body()).isEqualTo(201);
            assertThat(imported.body().path("imported"))
                    .extracting(JsonNode::asText)
                    .containsExactly(HOUSE_PERMIT);
            JsonNode importReport = imported.body().path("report");
            assertThat(importReport.path("accepted").asBoolean()).isTrue();
            assertThat(importReport.path("newVersions").asInt()).isEqualTo(1);
            assertThat(importReport.path("format").asText()).isEqualTo("NATIONAL_JSON");
            JsonNode versions =
                    api.get("/api/procedures/" + HOUSE_PERMIT + "/versions").body();
            JsonNode last = versions.get(versions.size() - 1);
            assertThat(last.path("effectiveFrom").asText()).isEqualTo("2099-01-01");
            assertThat(last.path("inForce").asBoolean()).isFalse();
            assertThat(last.path("procedure").path("name").asText())
                    .isEqualTo("Cấp giấy phép xây dựng đối với nhà ở riêng lẻ");
            assertThat(last.path("procedure").path("legalTime").asInt()).isEqualTo(20);
            assertThat(last.path("procedure").path("processKey").asText())
                    .as("our model carried over")
                    .isEqualTo("standard_procedure");
            assertThat(api.get("/api/procedures/" + HOUSE_PERMIT)
                            .body()
                            .path("legalTime")
                            .asInt())
                    .as("today's version stays in force")
                    .isEqualTo(15);
            Api.Reply again =
                    api.post("/api/national-portal/catalogue/import?effectiveFrom=2099-01-01", "admin", Map.of());
            assertThat(again.body().path("report").path("unchanged").asInt())
                    .as("the same again: no new version")
                    .isEqualTo(1);
        } finally {
            portal.catalogue(catalogue);
        }
        assertThat(api.get("/api/national-portal/catalogue/differences", "pr.tiepnhan")
                        .status())
                .isEqualTo(403);
    }

    static JsonNode entry(JsonNode report, String code) {
        for (JsonNode procedure : report.path("procedures")) {
            if (procedure.path("code").asText().equals(code)) {
                return procedure;
            }
        }
        throw new AssertionError("no procedure " + code + " in " + report);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    static Map<String, Object> portalDossier(String portalCode, String procedure) {
        String pdf = Base64.getEncoder().encodeToString(Api.PDF);
        List<Map<String, Object>> files = new ArrayList<>();
        for (String component : List.of("DON", "QSDD", "BANVE")) {
            files.add(Map.of(
                    "TepDinhKemId",
                    component.toLowerCase(),
                    "TenTepDinhKem",
                    component.toLowerCase() + ".pdf",
                    "MaThanhPhanHoSo",
                    component,
                    "LoaiTep",
                    "application/pdf",
                    "NoiDungTep",
                    pdf));
        }
        Map<String, Object> dossier = new LinkedHashMap<>();
        dossier.put("MaHoSoQG", portalCode);
        dossier.put("MaTTHC", procedure);
        dossier.put("MaDonVi", WARD);
        dossier.put("ChuHoSo", "Trần Thị Bích");
        dossier.put("LoaiDoiTuong", "1");
        dossier.put("MaDoiTuong", "058190004321");
        dossier.put("DiaChi", "45 Ngô Gia Tự, phường Phan Rang, tỉnh Ninh Thuận");
        dossier.put("SoDienThoai", "0987654321");
        dossier.put("Email", "bich@example.vn");
        dossier.put("TrichYeuHoSo", "Xin cấp giấy phép xây dựng nhà ở riêng lẻ");
        dossier.put("NgayNop", portalTime(LocalDateTime.now().withNano(0)));
        dossier.put(
                "DuLieuBieuMau",
                Map.of(
                        "constructionAddress",
                        "Thửa 88, tờ bản đồ 4, phường Phan Rang",
                        "landParcel",
                        "Thửa 88, tờ 4",
                        "floorArea",
                        120,
                        "floors",
                        2));
        dossier.put("TaiLieuNop", files);
        return dossier;
    }

    static String portalTime(LocalDateTime time) {
        return Dvcqg2019Mapping.time(time);
    }

    static int status(String portalCode) {
        return portal.record(portalCode)
                .map(r -> r.path("record").path("TrangThaiHoSo").asInt())
                .orElse(0);
    }

    static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    String ourCode(String portalCode) {
        List<String> codes = sql.queryForList(
                "select dossier_code from portal_dossier where portal_code = ?", String.class, portalCode);
        return codes.isEmpty() ? null : codes.get(0);
    }

    static String confirmedAs(String portalCode) {
        return confirmedAs(portal, portalCode);
    }

    static String confirmedAs(PortalEmulator emulator, String portalCode) {
        for (JsonNode dossier : emulator.dossiers()) {
            if (dossier.path("dossier").path("MaHoSoQG").asText().equals(portalCode)) {
                return dossier.path("confirmedAs").isNull()
                        ? null
                        : dossier.path("confirmedAs").asText(null);
            }
        }
        return null;
    }

    Api.Reply push(Map<String, Object> dossier, String token) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/api/national-portal/dossiers"))
                                    .header("Content-Type", "application/json")
                                    .header("X-Portal-Token", token)
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            new com.fasterxml.jackson.databind.ObjectMapper()
                                                    .writeValueAsString(dossier)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            return new Api.Reply(
                    response.statusCode(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body()));
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    JsonNode refused() {
        return admin("/api/national-portal/inbound/refused").body();
    }

    int parked(String code) {
        return sql.queryForObject(
                "select count(*) from portal_sync where dossier_code = ? and status = 'PARKED'", Integer.class, code);
    }

    int pending(String code) {
        return sql.queryForObject(
                "select count(*) from portal_sync where dossier_code = ? and status in ('PENDING', 'PARKED')",
                Integer.class,
                code);
    }

    Api.Reply admin(String path) {
        return api.get(path, "admin");
    }

    static void await(Supplier<Boolean> condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.get()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited 60 s for " + what);
            }
            sleep(Duration.ofMillis(200));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
