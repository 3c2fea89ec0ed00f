package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
import vn.motcua.calendar.Deadlines;
import vn.motcua.calendar.TimeUnit;

/**
 * The catalogue import (issue 16): a whole file checked before anything is stored, new procedures and versions in
 * force from a date, and dossiers that keep the version in force when they were filed.
 */
@IntegrationTest
class CatalogueImportTests {

    static final String IMPORTS = "/api/catalogue/imports";
    /** An agency of this test alone, whose dossiers and procedure the clean-up removes. */
    static final String AGENCY = "000.99.43.H43";

    static final String X = "9.990001.H43";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    RuntimeService runtime;

    @Autowired
    RepositoryService repository;

    @Autowired
    Procedures procedures;

    @Autowired
    Deadlines deadlines;

    /** The application's (engine's) clock, in the province's zone: what "today" is for an import. */
    @Autowired
    Clock clock;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        removeWhatTheTestsImported();
        sql.update(
                "insert into agency (code, name, level_name, parent_code) values (?, ?, 'COMMUNE', null)",
                AGENCY,
                "Ủy ban nhân dân xã Thử Nhập");
        api.routeByDefault(AGENCY, "phanrang");
    }

    @AfterEach
    void removeWhatTheTestsImported() {
        for (String code : sql.queryForList("select code from dossier where agency_code = ?", String.class, AGENCY)) {
            runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(code)
                    .list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test clean-up"));
        }
        for (String table : List.of(
                "dossier_attachment", "dossier_status_change", "dossier_step", "sla_step_clock", "sla_dossier_clock")) {
            sql.update(
                    "delete from " + table + " where dossier_code in (select code from dossier where agency_code = ?)",
                    AGENCY);
        }
        sql.update("delete from dossier where agency_code = ?", AGENCY);
        sql.update("delete from dossier_sequence where agency_code = ?", AGENCY);
        for (String table : List.of("catalog_version_step_budget", "catalog_version_component")) {
            sql.update("delete from " + table + " where procedure_code like '9.%'");
        }
        sql.update("delete from catalog_procedure_version where procedure_code like '9.%'");
        sql.update("delete from catalog_step_budget where procedure_code like '9.%'");
        sql.update("delete from catalog_component where procedure_code like '9.%'");
        sql.update("delete from sla_supplement_policy where procedure_code like '9.%'");
        sql.update("delete from catalog_procedure where code like '9.%'");
        // by hand in SQL: the search index on this node learns it from the generation
        sql.update("update catalog_generation set generation = generation + 1");
        sql.update("delete from catalog_import where id not in (select import_id from catalog_procedure_version"
                + " where import_id is not null)");
        sql.update("delete from department_route where agency_code = ? or procedure_code like '9.%'", AGENCY);
        sql.update("delete from agency where code = ?", AGENCY);
    }

    @Test
    void aGeneratedCatalogueOfTwoThousandProceduresGoesInWholeAndTheSameFileAgainChangesNothing() {
        List<Map<String, Object>> catalogue = GeneratedCatalogue.procedures(2000);

        Api.Reply first = api.post(IMPORTS, "admin", catalogue);

        assertThat(first.status()).as(first.body().path("problems").toString()).isEqualTo(201);
        assertThat(first.body().path("format").asText()).isEqualTo("JSON");
        assertThat(first.body().path("procedures").asInt()).isEqualTo(2000);
        assertThat(first.body().path("newProcedures").asInt()).isEqualTo(2000);
        assertThat(first.body().path("newVersions").asInt()).isZero();
        assertThat(first.body().path("unchanged").asInt()).isZero();
        assertThat(first.body().path("outcomes")).hasSize(2000);
        assertThat(first.body().path("outcomes").get(1999).toString())
                .isEqualTo("{\"row\":2000,\"code\":\"9.002000.H43\",\"result\":\"NEW_PROCEDURE\",\"version\":1}");
        assertThat(count("select count(*) from catalog_procedure where code like '9.%'"))
                .isEqualTo(2000);
        assertThat(count("select count(*) from catalog_procedure_version where procedure_code like '9.%'"))
                .isEqualTo(2000);
        JsonNode one = api.get("/api/procedures/" + GeneratedCatalogue.code(7)).body();
        assertThat(one.path("name").asText())
                .isEqualTo("Chứng thực chữ ký trong giấy tờ, văn bản (trường hợp cấp lại)");
        assertThat(one.path("legalTime").asInt()).isEqualTo(8);
        assertThat(one.path("timeUnit").asText()).isEqualTo("WORKING_HOURS");
        assertThat(one.path("version").asInt()).isEqualTo(1);

        Api.Reply again = api.post(IMPORTS, "admin", catalogue);

        assertThat(again.status()).as(again.body().path("problems").toString()).isEqualTo(201);
        assertThat(again.body().path("newProcedures").asInt()).isZero();
        assertThat(again.body().path("newVersions").asInt()).isZero();
        assertThat(again.body().path("unchanged").asInt()).isEqualTo(2000);
        assertThat(count("select count(*) from catalog_procedure_version where procedure_code like '9.%'"))
                .isEqualTo(2000);

        JsonNode history = api.get(IMPORTS, "admin").body();
        assertThat(history.get(0).path("id").asLong())
                .isEqualTo(again.body().path("importId").asLong());
        assertThat(history.get(0).path("importedBy").asText()).isEqualTo("admin");
        assertThat(history.get(0).path("unchanged").asInt()).isEqualTo(2000);
        assertThat(history.get(1).path("newProcedures").asInt()).isEqualTo(2000);
        JsonNode stored = api.get(IMPORTS + "/" + first.body().path("importId").asLong(), "admin")
                .body();
        assertThat(stored.path("report").path("newProcedures").asInt()).isEqualTo(2000);
        assertThat(stored.path("sha256").asText()).hasSize(64);
    }

    @Test
    void aFileWithBrokenRowsIsRefusedWholeNamingEachRowAndFieldAndNothingChanges() {
        List<Map<String, Object>> file = new ArrayList<>();
        file.add(GeneratedCatalogue.procedure(3));
        file.add(with(GeneratedCatalogue.procedure(6), "agencyCode", "000.99.99.H99"));
        file.add(with(GeneratedCatalogue.procedure(9), "handlingUnit", "khongco"));
        file.add(with(GeneratedCatalogue.procedure(12), "startForm", "form_khong_co"));
        file.add(GeneratedCatalogue.procedure(3));
        file.add(with(with(GeneratedCatalogue.procedure(15), "legalTime", 1), "timeUnit", "WORKING_DAYS"));
        file.add(with(GeneratedCatalogue.procedure(18), "timeUnit", "WEEKS"));
        file.add(with(GeneratedCatalogue.procedure(21), "legalTime", 0));
        file.add(with(GeneratedCatalogue.procedure(24), "processKey", "khong_co_mo_hinh"));
        long versions = count("select count(*) from catalog_procedure_version");
        long live = count("select count(*) from catalog_procedure");
        long imports = count("select count(*) from catalog_import");

        Api.Reply refused = api.post(IMPORTS, "admin", file);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("accepted").asBoolean()).isFalse();
        assertThat(problems(refused))
                .containsExactly(
                        "2 9.000006.H43 agencyCode | không có cơ quan \"000.99.99.H99\" trong danh mục cơ quan"
                                + " | there is no agency \"000.99.99.H99\" in the agency registry",
                        "3 9.000009.H43 handlingUnit | không có đơn vị \"khongco\" (Đơn vị giải quyết): đơn vị là"
                                + " tiền tố nhóm phòng ban của một cơ quan, ví dụ phanrang | there is no unit"
                                + " \"khongco\" (handlingUnit): a unit is the prefix of an agency's department groups,"
                                + " e.g. phanrang",
                        "4 9.000012.H43 startForm | không có biểu mẫu \"form_khong_co\" trong forms/ | there is no"
                                + " start form \"form_khong_co\" in forms/",
                        "5 9.000003.H43 code | mã thủ tục 9.000003.H43 trùng với dòng 1 | the code 9.000003.H43 is"
                                + " also on row 1",
                        "6 9.000015.H43 stepBudgets | thời hạn các bước trên đường xử lý cộng lại 48 giờ làm việc,"
                                + " quá thời hạn giải quyết 1 ngày làm việc (8 giờ) | the step budgets on the way"
                                + " through the model add up to 48 working hours, more than the legal time of 1"
                                + " WORKING_DAYS (8 h)",
                        "7 9.000018.H43 timeUnit | \"Đơn vị tính\" \"WEEKS\" không hợp lệ: Ngày làm việc, Giờ làm"
                                + " việc hoặc Ngày | \"timeUnit\" \"WEEKS\" is not one of WORKING_DAYS (Ngày làm"
                                + " việc), WORKING_HOURS (Giờ làm việc), CALENDAR_DAYS (Ngày)",
                        "8 9.000021.H43 legalTime | \"Thời hạn giải quyết\" phải là số nguyên lớn hơn 0 (đang là"
                                + " \"0\") | \"legalTime\" must be a whole number above 0, not \"0\"",
                        "9 9.000024.H43 processKey | mô hình quy trình \"khong_co_mo_hinh\" chưa được triển khai"
                                + " (bpmn/) | the process model \"khong_co_mo_hinh\" is not deployed (bpmn/)");
        assertThat(count("select count(*) from catalog_procedure_version")).isEqualTo(versions);
        assertThat(count("select count(*) from catalog_procedure")).isEqualTo(live);
        assertThat(count("select count(*) from catalog_import")).isEqualTo(imports);
        assertThat(api.get("/api/procedures/" + GeneratedCatalogue.code(3)).status())
                .isEqualTo(404);
    }

    @Test
    void missingFieldsAndOverLongTextsAreNamedToo() {
        Map<String, Object> bad = GeneratedCatalogue.procedure(30);
        bad.remove("sector");
        bad.put("name", "Đ".repeat(501));

        Api.Reply refused = api.post(IMPORTS + "?dryRun=true", "admin", List.of(bad));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(problems(refused))
                .containsExactly(
                        "1 9.000030.H43 name | \"Tên thủ tục\" dài quá 500 ký tự (đang có 501) | \"name\" is longer"
                                + " than 500 characters (501)",
                        "1 9.000030.H43 sector | thiếu \"Lĩnh vực\" | \"sector\" is missing");
    }

    @Test
    void aWorkbookShapedAsTheNationalExportIsImportedAndItsBrokenRowsNamedByTheirRowInTheSheet() throws IOException {
        List<List<String>> good = List.of(
                List.of(
                        "9.100001.H43",
                        "Đăng ký hoạt động thư viện tư nhân",
                        "Văn hóa cơ sở",
                        "Ủy ban nhân dân phường Phan Rang",
                        "5",
                        "Ngày làm việc",
                        "Miễn phí",
                        "TOKHAI: Tờ khai đăng ký hoạt động thư viện\nDANHMUC: Danh mục tài liệu (nếu có)",
                        "Luật Thư viện 2019",
                        "Một phần",
                        "",
                        "copy_certification",
                        "form_copy_certification_application",
                        "phanrang",
                        "phanrang",
                        "Không",
                        "Task_CertifyCopy=4h"),
                List.of(
                        "9.100002.H43",
                        "Cấp giấy phép kinh doanh karaoke",
                        "Văn hóa",
                        "000.00.12.H43",
                        "16",
                        "Giờ làm việc",
                        "Lệ phí 4.000.000 đồng/giấy phép",
                        "DON: Đơn đề nghị cấp giấy phép",
                        "",
                        "Toàn trình",
                        "15:00",
                        "copy_certification",
                        "form_copy_certification_application",
                        "ttpvhcc",
                        "sxd",
                        "",
                        ""));

        Api.Reply imported = api.post(IMPORTS, "admin", workbook("danh-muc.xlsx", good));

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("format").asText()).isEqualTo("XLSX");
        assertThat(imported.body().path("fileName").asText()).isEqualTo("danh-muc.xlsx");
        assertThat(imported.body().path("newProcedures").asInt()).isEqualTo(2);
        Procedure library = procedures.find("9.100001.H43").orElseThrow();
        assertThat(library.agencyCode()).isEqualTo("000.20.43.H43");
        assertThat(library.timeUnit()).isEqualTo(TimeUnit.WORKING_DAYS);
        assertThat(library.onlineLevel()).isEqualTo(Procedure.OnlineLevel.PARTIAL);
        assertThat(library.components())
                .containsExactly(
                        new Procedure.Component("TOKHAI", "Tờ khai đăng ký hoạt động thư viện", true),
                        new Procedure.Component("DANHMUC", "Danh mục tài liệu", false));
        assertThat(procedures.stepBudget(library, "Task_CertifyCopy")).hasValue("4h");
        Procedure karaoke = procedures.find("9.100002.H43").orElseThrow();
        assertThat(karaoke.legalTime()).isEqualTo(16);
        assertThat(karaoke.timeUnit()).isEqualTo(TimeUnit.WORKING_HOURS);
        assertThat(karaoke.cutOff()).isEqualTo("15:00");

        List<String> broken = new ArrayList<>(good.get(1));
        broken.set(0, "9.100003.H43");
        broken.set(5, "Tuần");
        broken.set(16, "Task_CertifyCopy=2x");
        Api.Reply refused = api.post(IMPORTS, "admin", workbook("sai.xlsx", List.of(good.get(0), broken)));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(problems(refused))
                .containsExactly(
                        "3 9.100003.H43 timeUnit | \"Đơn vị tính\" \"Tuần\" không hợp lệ: Ngày làm việc, Giờ làm việc"
                                + " hoặc Ngày | \"timeUnit\" \"Tuần\" is not one of WORKING_DAYS (Ngày làm việc),"
                                + " WORKING_HOURS (Giờ làm việc), CALENDAR_DAYS (Ngày)",
                        "3 9.100003.H43 stepBudgets.Task_CertifyCopy | thời hạn bước Task_CertifyCopy \"2x\" không"
                                + " hợp lệ: dạng 4h hoặc 2d (1 ngày = 8 giờ) | the budget of step Task_CertifyCopy"
                                + " \"2x\" is not like 4h or 2d (1 day = 8 hours)");
        assertThat(procedures.find("9.100003.H43")).isEmpty();
    }

    @Test
    void theNationalDatabasesShapeIsImportedWithOurSettingsFromTheFilesDefaultsForTheAgency() {
        Map<String, Object> defaults = Map.of(
                "000.20.43.H43",
                Map.of(
                        "processKey", "copy_certification",
                        "startForm", "form_copy_certification_application",
                        "receptionUnit", "phanrang",
                        "handlingUnit", "phanrang",
                        "onlineLevel", "FULL"));
        Map<String, Object> file = Map.of("defaults", defaults, "procedures", List.of(national()));

        Api.Reply imported = api.post(IMPORTS, "admin", file);

        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        assertThat(imported.body().path("format").asText()).isEqualTo("NATIONAL_JSON");
        Procedure procedure = procedures.find("9.200001.H43").orElseThrow();
        assertThat(procedure.name()).isEqualTo("Chứng thực chữ ký người dịch");
        assertThat(procedure.sector()).isEqualTo("Chứng thực");
        assertThat(procedure.legalTime()).isEqualTo(8);
        assertThat(procedure.timeUnit()).isEqualTo(TimeUnit.WORKING_HOURS);
        assertThat(procedure.fee()).isEqualTo("10.000 đồng/trường hợp");
        assertThat(procedure.processKey()).isEqualTo("copy_certification");
        assertThat(procedure.onlineLevel()).isEqualTo(Procedure.OnlineLevel.FULL);
        assertThat(procedure.sourceNote()).isEqualTo("Nghị định về chứng thực 23/2015/NĐ-CP");
        assertThat(procedure.components())
                .containsExactly(
                        new Procedure.Component("BANDICH", "Bản dịch đính kèm giấy tờ cần dịch", true),
                        new Procedure.Component("CCDICH", "Bản sao bằng cấp của người dịch", false));

        // the national database changes the time only: our settings carry over from the version before
        Map<String, Object> changed = national();
        changed.put("CACHTHUCTHUCHIEN", channels(16, "Giờ làm việc"));
        Api.Reply again = api.post(IMPORTS, "admin", List.of(changed));

        assertThat(again.status()).as(again.body().toString()).isEqualTo(201);
        assertThat(again.body().path("newVersions").asInt()).isEqualTo(1);
        Procedure second = procedures.find("9.200001.H43").orElseThrow();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.legalTime()).isEqualTo(16);
        assertThat(second.processKey()).isEqualTo("copy_certification");
    }

    @Test
    void aDossierKeepsTheVersionInForceWhenItWasFiledAndOneFiledAfterAChangeGetsTheNewOne() {
        Api.Reply v1 = api.post(IMPORTS, "admin", List.of(x(15, "standard_procedure", "QSDD")));
        assertThat(v1.status()).as(v1.body().toString()).isEqualTo(201);

        String before = file(Map.of("DON", Api.PDF, "QSDD", Api.PDF, "BANVE", Api.PDF));

        Api.Reply v2 = api.post(IMPORTS, "admin", List.of(x(10, "copy_certification", "CAMKET")));
        assertThat(v2.status()).as(v2.body().toString()).isEqualTo(201);
        assertThat(v2.body().path("outcomes").get(0).toString())
                .isEqualTo("{\"row\":1,\"code\":\"9.990001.H43\",\"result\":\"NEW_VERSION\",\"version\":2}");
        Api.Reply withOldComponents = api.fileDossier(
                "congdan", Api.multipart(request(), Map.of("DON", Api.PDF, "QSDD", Api.PDF, "BANVE", Api.PDF)));
        assertThat(withOldComponents.status()).isEqualTo(400);
        assertThat(withOldComponents.text("message"))
                .contains("thành phần hồ sơ \"QSDD\" không có trong danh mục của thủ tục");

        String after = file(Map.of("DON", Api.PDF, "BANVE", Api.PDF));

        assertThat(version(before)).isEqualTo(1);
        assertThat(version(after)).isEqualTo(2);
        assertThat(processKey(before)).isEqualTo("standard_procedure");
        assertThat(processKey(after)).isEqualTo("copy_certification");
        assertThat(components(before)).containsExactly("DON", "QSDD", "BANVE");
        assertThat(components(after)).containsExactly("DON", "BANVE", "CAMKET");
        assertThat(due(before)).isEqualTo(deadlines.due(received(before), 15, TimeUnit.WORKING_DAYS, Optional.empty()));
        assertThat(due(after)).isEqualTo(deadlines.due(received(after), 10, TimeUnit.WORKING_DAYS, Optional.empty()));

        // accepted after the change, the dossier filed before counts its appointment by its own version: 15 days
        api.completeTask("pr.tiepnhan", before, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        LocalDateTime accepted = sql.queryForObject(
                "select changed_at from dossier_status_change where dossier_code = ? and status = 2",
                LocalDateTime.class,
                before);
        assertThat(due(before))
                .isEqualTo(deadlines.forAgency(AGENCY).due(accepted, 15, TimeUnit.WORKING_DAYS, Optional.empty()));

        // a version in force from tomorrow: not yet the one in force, already the one of tomorrow
        Api.Reply v3 = api.post(
                IMPORTS + "?effectiveFrom=" + LocalDate.now(clock).plusDays(1),
                "admin",
                List.of(x(12, "copy_certification", "CAMKET")));
        assertThat(v3.status()).as(v3.body().toString()).isEqualTo(201);
        assertThat(procedures.find(X).orElseThrow().version()).isEqualTo(2);
        assertThat(procedures
                        .inForceAt(X, LocalDate.now(clock).plusDays(1).atTime(9, 0))
                        .orElseThrow()
                        .legalTime())
                .isEqualTo(12);
        JsonNode versions = api.get("/api/procedures/" + X + "/versions").body();
        assertThat(versions).hasSize(3);
        assertThat(versions.get(1).path("inForce").asBoolean()).isTrue();
        assertThat(versions.get(2).path("inForce").asBoolean()).isFalse();
        assertThat(versions.get(2).path("effectiveFrom").asText())
                .isEqualTo(LocalDate.now(clock).plusDays(1).toString());
        assertThat(versions.get(0).path("procedure").path("processKey").asText())
                .isEqualTo("standard_procedure");
    }

    @Test
    void onlyOperatorsImport() {
        Api.Reply refused = api.post(IMPORTS, "pr.tiepnhan", List.of(GeneratedCatalogue.procedure(1)));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("message"))
                .isEqualTo(
                        "Chỉ quản trị hệ thống (nhóm camunda-admin) được nhập danh mục thủ tục và xem lịch sử nhập.");
    }

    private Map<String, Object> x(int legalTime, String processKey, String component) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", X);
        p.put("name", "Cấp giấy phép sửa chữa, cải tạo nhà ở riêng lẻ");
        p.put("sector", "Hoạt động xây dựng");
        p.put("agencyCode", AGENCY);
        p.put("legalTime", legalTime);
        p.put("timeUnit", "WORKING_DAYS");
        p.put("fee", "Lệ phí 50.000 đồng/giấy phép");
        p.put("onlineLevel", "PARTIAL");
        p.put("processKey", processKey);
        p.put("startForm", "form_house_permit_application");
        p.put("receptionUnit", "phanrang");
        p.put("handlingUnit", "phanrang");
        List<Map<String, Object>> components = new ArrayList<>();
        components.add(Map.of("code", "DON", "name", "Đơn đề nghị cấp giấy phép", "required", true));
        if (component.equals("QSDD")) {
            components.add(Map.of("code", "QSDD", "name", "Giấy tờ về quyền sử dụng đất", "required", true));
        }
        components.add(Map.of("code", "BANVE", "name", "Bản vẽ hiện trạng", "required", true));
        if (component.equals("CAMKET")) {
            components.add(Map.of("code", "CAMKET", "name", "Bản cam kết an toàn (nếu có)", "required", false));
        }
        p.put("components", components);
        return p;
    }

    private Map<String, Object> request() {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", X);
        return request;
    }

    private String file(Map<String, byte[]> files) {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(request(), files));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.text("code");
    }

    private int version(String dossier) {
        return sql.queryForObject("select procedure_version from dossier where code = ?", Integer.class, dossier);
    }

    private LocalDateTime due(String dossier) {
        return sql.queryForObject("select due_at from dossier where code = ?", LocalDateTime.class, dossier);
    }

    private LocalDateTime received(String dossier) {
        return sql.queryForObject("select received_at from dossier where code = ?", LocalDateTime.class, dossier);
    }

    private String processKey(String dossier) {
        String definition = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(dossier)
                .singleResult()
                .getProcessDefinitionId();
        return repository.getProcessDefinition(definition).getKey();
    }

    private List<String> components(String dossier) {
        return procedures.version(X, version(dossier)).orElseThrow().components().stream()
                .map(Procedure.Component::code)
                .toList();
    }

    private long count(String query) {
        return sql.queryForObject(query, Long.class);
    }

    private static Map<String, Object> with(Map<String, Object> procedure, String field, Object value) {
        procedure.put(field, value);
        return procedure;
    }

    private static List<String> problems(Api.Reply reply) {
        List<String> problems = new ArrayList<>();
        reply.body()
                .path("problems")
                .forEach(p -> problems.add(p.path("row").asInt() + " "
                        + p.path("code").asText() + " "
                        + p.path("field").asText() + " | " + p.path("message").asText() + " | "
                        + p.path("messageEn").asText()));
        return problems;
    }

    private static Map<String, Object> national() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MATTHC", "9.200001.H43");
        p.put("TENTTHC", "Chứng thực chữ ký người dịch");
        p.put("LINHVUCTHUCHIEN", List.of(Map.of("MALINHVUC", "CT", "TENLINHVUC", "Chứng thực")));
        p.put(
                "COQUANTHUCHIEN",
                List.of(Map.of("MADONVI", "000.20.43.H43", "TENDONVI", "Ủy ban nhân dân phường Phan Rang")));
        p.put("CACHTHUCTHUCHIEN", channels(8, "Giờ làm việc"));
        p.put(
                "THANHPHANHOSO",
                List.of(Map.of(
                        "GIAYTO",
                        List.of(
                                Map.of("MAGIAYTO", "BANDICH", "TENGIAYTO", "Bản dịch đính kèm giấy tờ cần dịch"),
                                Map.of(
                                        "MAGIAYTO",
                                        "CCDICH",
                                        "TENGIAYTO",
                                        "Bản sao bằng cấp của người dịch (nếu có)")))));
        p.put("CANCUPHAPLY", List.of(Map.of("SOVANBAN", "23/2015/NĐ-CP", "TENVANBAN", "Nghị định về chứng thực")));
        return p;
    }

    private static List<Object> channels(int time, String unit) {
        return List.of(Map.of(
                "KENH",
                "1",
                "THOIGIAN",
                List.of(Map.of(
                        "THOIGIANGIAIQUYET",
                        time,
                        "DONVITINH",
                        unit,
                        "MOTA",
                        "",
                        "PHILEPHI",
                        List.of(Map.of("SOTIEN", "10000", "DONVI", "Đồng", "MOTA", "10.000 đồng/trường hợp"))))));
    }

    private static MultiValueMap<String, Object> workbook(String name, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Danh mục TTHC");
            List<String> headings = List.of(
                    "Mã thủ tục",
                    "Tên thủ tục",
                    "Lĩnh vực",
                    "Cơ quan thực hiện",
                    "Thời hạn giải quyết",
                    "Đơn vị tính",
                    "Phí, lệ phí",
                    "Thành phần hồ sơ",
                    "Căn cứ pháp lý",
                    "Mức độ dịch vụ công",
                    "Giờ chốt",
                    "Mô hình quy trình",
                    "Biểu mẫu",
                    "Đơn vị tiếp nhận",
                    "Đơn vị giải quyết",
                    "Chỉ nhận liên thông",
                    "Thời hạn từng bước");
            Row header = sheet.createRow(0);
            for (int c = 0; c < headings.size(); c++) {
                header.createCell(c).setCellValue(headings.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            workbook.write(out);
            MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
            parts.add("file", Api.file(name, out.toByteArray()));
            return parts;
        }
    }
}
