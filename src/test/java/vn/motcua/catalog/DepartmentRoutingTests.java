package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * Department routing as data (issue 16): which group does each role of a procedure at an agency is a row of
 * {@code department_route}, so that a new ward needs a route, not a model or code.
 */
@IntegrationTest
class DepartmentRoutingTests {

    static final String ROUTES = "/api/catalogue/routes";
    /** A ward of this test alone, with its own unit and groups, which the clean-up removes. */
    static final String WARD = "000.97.01.H43";

    static final String UNIT = "thutuyen";
    static final String X = "9.970001.H43";
    static final String Y = "9.970002.H43";
    static final String OFFICIAL = "tt.tiepnhan";
    /** A second reception group of the ward: the one-stop shop's desk for one procedure. */
    static final String DESK = "thutuyen-motcua";

    static final String DESK_OFFICIAL = "tt.motcua";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskService tasks;

    @Autowired
    IdentityService identity;

    @Autowired
    DepartmentRoutes routes;

    Api api;

    @BeforeEach
    void aNewWardWithItsGroupsAndNoRoute() {
        api = new Api(port);
        removeTheWard();
        sql.update(
                "insert into agency (code, name, level_name, parent_code, unit) values (?, ?, 'COMMUNE', null, ?)",
                WARD,
                "Ủy ban nhân dân phường Thử Tuyến",
                UNIT);
        for (String group : groups()) {
            identity.saveGroup(identity.newGroup(group));
        }
        User official = identity.newUser(OFFICIAL);
        official.setPassword(Api.PASSWORD);
        official.setFirstName("Tuyến");
        official.setLastName("Thử");
        identity.saveUser(official);
        identity.createMembership(OFFICIAL, UNIT + "-reception");
    }

    @AfterEach
    void removeTheWard() {
        for (String code : sql.queryForList("select code from dossier where agency_code = ?", String.class, WARD)) {
            runtime.createProcessInstanceQuery()
                    .processInstanceBusinessKey(code)
                    .list()
                    .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test clean-up"));
        }
        for (String table : List.of(
                "dossier_attachment", "dossier_status_change", "dossier_step", "sla_step_clock", "sla_dossier_clock")) {
            sql.update(
                    "delete from " + table + " where dossier_code in (select code from dossier where agency_code = ?)",
                    WARD);
        }
        sql.update("delete from dossier where agency_code = ?", WARD);
        sql.update("delete from dossier_sequence where agency_code = ?", WARD);
        for (String table : List.of("catalog_version_step_budget", "catalog_version_component")) {
            sql.update("delete from " + table + " where procedure_code like '9.97%'");
        }
        sql.update("delete from catalog_procedure_version where procedure_code like '9.97%'");
        sql.update("delete from catalog_step_budget where procedure_code like '9.97%'");
        sql.update("delete from catalog_component where procedure_code like '9.97%'");
        sql.update("delete from sla_supplement_policy where procedure_code like '9.97%'");
        sql.update("delete from catalog_procedure where code like '9.97%'");
        sql.update("update catalog_generation set generation = generation + 1");
        sql.update("delete from catalog_import where id not in (select import_id from catalog_procedure_version"
                + " where import_id is not null)");
        sql.update("delete from department_route where agency_code = ?", WARD);
        sql.update("delete from agency where code = ?", WARD);
        for (String user : List.of(OFFICIAL, DESK_OFFICIAL)) {
            if (identity.createUserQuery().userId(user).count() > 0) {
                identity.deleteUser(user);
            }
        }
        for (String group : groups()) {
            identity.deleteGroup(group);
        }
    }

    @Test
    void aNewWardGetsDossiersByItsDefaultRoutesAloneWithNoNewModelAndNoCode() {
        Api.Reply defaults = api.put(ROUTES, "admin", defaultRoutes());
        assertThat(defaults.status()).as(defaults.body().toString()).isEqualTo(200);
        assertThat(defaults.body().path("routes").asInt()).isEqualTo(5);
        Api.Reply imported = api.post("/api/catalogue/imports", "admin", List.of(procedure(X, null)));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);

        String dossier = file(X);

        assertThat(candidateGroups(dossier)).containsExactly("thutuyen-reception");
        assertThat(api.tasks(OFFICIAL, dossier)).hasSize(1);
        assertThat(api.tasks(OFFICIAL, dossier).get(0).path("taskDefinitionKey").asText())
                .isEqualTo("Task_CheckDossier");
        assertThat(api.tasks("pr.tiepnhan", dossier)).isEmpty();
        Api.Reply listed = api.get(ROUTES + "?agency=" + WARD, "admin");
        assertThat(listed.status()).isEqualTo(200);
        List<String> rows = new ArrayList<>();
        listed.body()
                .forEach(r -> rows.add(r.path("procedureCode").asText() + " "
                        + r.path("role").asText() + " " + r.path("groupId").asText() + " "
                        + r.path("changedBy").asText()));
        assertThat(rows)
                .containsExactly(
                        "* clerk thutuyen-clerk admin",
                        "* head thutuyen-head admin",
                        "* leader thutuyen-leader admin",
                        "* reception thutuyen-reception admin",
                        "* specialist thutuyen-specialist admin");
    }

    @Test
    void anExactRouteOverridesTheAgencysDefaultWhetherGivenByTheApiOrByTheImport() {
        assertThat(api.put(ROUTES, "admin", defaultRoutes()).status()).isEqualTo(200);
        Api.Reply imported = api.post(
                "/api/catalogue/imports",
                "admin",
                List.of(procedure(X, null), procedure(Y, Map.of("reception", DESK, "leader", "phanrang-leader"))));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        Api.Reply exact = api.put(ROUTES, "admin", List.of(route(X, "reception", DESK)));
        assertThat(exact.status()).as(exact.body().toString()).isEqualTo(200);

        String x = file(X);
        assertThat(candidateGroups(x)).containsExactly(DESK);
        assertThat(candidateGroups(file(Y))).containsExactly(DESK);
        // the desk's group is named like no role: its official is an official because a route gives it steps
        User desk = identity.newUser(DESK_OFFICIAL);
        desk.setPassword(Api.PASSWORD);
        desk.setFirstName("Bàn");
        desk.setLastName("Một Cửa");
        identity.saveUser(desk);
        identity.createMembership(DESK_OFFICIAL, DESK);
        List<com.fasterxml.jackson.databind.JsonNode> deskTasks = api.tasks(DESK_OFFICIAL, x);
        assertThat(deskTasks).hasSize(1);
        assertThat(deskTasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_CheckDossier");
        assertThat(api.claim(DESK_OFFICIAL, deskTasks.get(0).path("id").asText()))
                .isEqualTo(204);
        assertThat(sql.queryForList(
                        "select concat(procedure_code, ' ', role, ' ', group_id, ' ', changed_by) from department_route"
                                + " where agency_code = ? and procedure_code <> '*' order by procedure_code, role",
                        String.class,
                        WARD))
                .containsExactly(
                        X + " reception thutuyen-motcua admin",
                        Y + " leader phanrang-leader admin",
                        Y + " reception thutuyen-motcua admin");
        Procedure y = routesOf(Y);
        assertThat(routes.departmentFor(y, "leader")).isEqualTo("phanrang-leader");
        assertThat(routes.departmentFor(y, "head")).isEqualTo("thutuyen-head");
    }

    @Test
    void aProcedureWhoseRolesHaveNoRouteIsRefusedAtImportNamingEachRole() {
        assertThat(api.put(ROUTES, "admin", List.of(defaultRoute("reception"))).status())
                .isEqualTo(200);

        Api.Reply refused = api.post(
                "/api/catalogue/imports",
                "admin",
                List.of(procedure(X, null), procedure(Y, Map.of("head", "khong-co", "specialist", DESK))));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(problems(refused))
                .containsExactly(
                        noRoute(1, "head", "Task_AssignDossier"),
                        noRoute(1, "specialist", "Task_AssignDossier"),
                        noRoute(1, "leader", "Task_SignResult"),
                        noRoute(1, "clerk", "Task_IssueResult"),
                        "2 routes.head | không có nhóm phòng ban \"khong-co\" cho bước Task_AssignDossier (vai trò"
                                + " head) | there is no department group \"khong-co\" for step Task_AssignDossier"
                                + " (role head)",
                        noRoute(2, "leader", "Task_SignResult"),
                        noRoute(2, "clerk", "Task_IssueResult"));
        assertThat(count("select count(*) from catalog_procedure where code like '9.97%'"))
                .isZero();
        assertThat(count("select count(*) from department_route where agency_code = '" + WARD + "'"))
                .isEqualTo(1);
    }

    @Test
    void aStepWhoseRoleHasNoRouteFailsClearly() {
        Procedure nowhere = new Procedure(
                X,
                "Thử",
                "Thử",
                WARD,
                "Phường",
                1,
                vn.motcua.calendar.TimeUnit.WORKING_DAYS,
                null,
                "không",
                Procedure.OnlineLevel.FULL,
                "standard_procedure",
                "none",
                UNIT,
                UNIT,
                null,
                null,
                false,
                List.of(),
                1);

        assertThatThrownBy(() -> routes.departmentFor(nowhere, "head"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("No department route for role 'head' of procedure 9.970001.H43 at agency 000.97.01.H43:"
                        + " department_route has neither (000.97.01.H43, 9.970001.H43, head) nor the agency's default"
                        + " (000.97.01.H43, *, head); an operator adds one (PUT /api/catalogue/routes)");
    }

    @Test
    void badRowsAreRefusedWith422NamingEachRowAndNothingIsStored() {
        long before = count("select count(*) from department_route");
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(defaultRoute("reception"));
        rows.add(Map.of("agencyCode", "000.00.00.X00", "procedureCode", "*", "role", "head", "groupId", "sxd-head"));
        rows.add(Map.of("agencyCode", WARD, "procedureCode", "9.979999.H43", "role", "head", "groupId", "sxd-head"));
        rows.add(Map.of("agencyCode", WARD, "procedureCode", "*", "role", "chef", "groupId", "sxd-head"));
        rows.add(Map.of("agencyCode", WARD, "procedureCode", "*", "role", "leader", "groupId", "khong-co"));
        rows.add(Map.of("agencyCode", WARD, "procedureCode", "*", "role", "clerk"));
        rows.add(defaultRoute("reception"));

        Api.Reply refused = api.put(ROUTES, "admin", rows);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body().path("accepted").asBoolean()).isFalse();
        assertThat(problems(refused))
                .containsExactly(
                        "2 agencyCode | không có cơ quan \"000.00.00.X00\" trong danh mục cơ quan | there is no"
                                + " agency \"000.00.00.X00\" in the agency registry",
                        "3 procedureCode | không có thủ tục \"9.979999.H43\" trong danh mục (\"*\" là mặc định của"
                                + " cơ quan) | there is no procedure \"9.979999.H43\" in the catalogue (\"*\" is the"
                                + " agency's default)",
                        "4 role | vai trò \"chef\" không có trong các mô hình: [reception, specialist, head, leader,"
                                + " clerk] | the role \"chef\" is not one the models use: [reception, specialist,"
                                + " head, leader, clerk]",
                        "5 groupId | không có nhóm phòng ban \"khong-co\" trong hệ thống định danh | there is no"
                                + " department group \"khong-co\" in the identity service",
                        "6 groupId | thiếu \"groupId\" | \"groupId\" is missing",
                        "7 role | tuyến này trùng với dòng 1 (cùng cơ quan, thủ tục và vai trò) | this route is also"
                                + " on row 1 (same agency, procedure and role)");
        assertThat(count("select count(*) from department_route")).isEqualTo(before);
        assertThat(count("select count(*) from department_route where agency_code = '" + WARD + "'"))
                .isZero();
    }

    @Test
    void onlyOperatorsSeeOrChangeRoutes() {
        for (String user : List.of("congdan", "pr.tiepnhan", "pr.chutich")) {
            Api.Reply read = api.get(ROUTES, user);
            Api.Reply change = api.put(ROUTES, user, List.of(defaultRoute("reception")));

            assertThat(read.status()).as(user).isEqualTo(403);
            assertThat(change.status()).as(user).isEqualTo(403);
            assertThat(change.text("message"))
                    .isEqualTo("Chỉ quản trị hệ thống (nhóm camunda-admin) được xem và sửa tuyến phòng ban.");
        }
        assertThat(api.get(ROUTES).status()).isEqualTo(401);
        assertThat(count("select count(*) from department_route where agency_code = '" + WARD + "'"))
                .isZero();
    }

    @Test
    void anEmptyListIsABadRequest() {
        Api.Reply empty = api.put(ROUTES, "admin", List.of());
        Api.Reply none = api.send("PUT", ROUTES, "admin", Map.of("Content-Type", "application/json"), null);

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("message"))
                .isEqualTo("Hãy gửi một danh sách tuyến phòng ban (agencyCode, procedureCode, role, groupId).");
        assertThat(none.status()).isEqualTo(400);
    }

    @Test
    void theDemoAgenciesRouteByDefaultToTheGroupsOfTheRealm() {
        Api.Reply listed = api.get(ROUTES + "?agency=000.00.12.H43", "admin");

        List<String> rows = new ArrayList<>();
        listed.body()
                .forEach(r -> rows.add(r.path("procedureCode").asText() + " "
                        + r.path("role").asText() + " " + r.path("groupId").asText()));
        assertThat(rows)
                .containsExactly(
                        "* clerk sxd-clerk",
                        "* head sxd-head",
                        "* leader sxd-leader",
                        "* reception ttpvhcc-reception",
                        "* specialist sxd-specialist");
        assertThat(count("select count(*) from department_route where procedure_code = '*' and agency_code in"
                        + " ('000.20.43.H43', '000.00.12.H43', '000.61.43.H43', '000.62.00.H43')"))
                .isEqualTo(13);
    }

    @Test
    void theRolesRoutesNameAreTheOnesTheModelsUse() throws IOException {
        Set<String> used = new TreeSet<>();
        Pattern role = Pattern.compile("name=\"(?:role|assignFrom)\" value=\"([^\"]+)\"");
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher found = role.matcher(Files.readString(model));
                while (found.find()) {
                    used.add(found.group(1));
                }
            }
        }

        assertThat(used).containsExactlyInAnyOrderElementsOf(DepartmentRoutes.ROLES);
    }

    private Procedure routesOf(String code) {
        return new Procedure(
                code,
                "Thử",
                "Thử",
                WARD,
                "Phường",
                1,
                vn.motcua.calendar.TimeUnit.WORKING_DAYS,
                null,
                "không",
                Procedure.OnlineLevel.FULL,
                "standard_procedure",
                "none",
                UNIT,
                UNIT,
                null,
                null,
                false,
                List.of(),
                1);
    }

    private List<String> candidateGroups(String dossier) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(dossier).singleResult();
        return tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(IdentityLink::getGroupId)
                .toList();
    }

    private String file(String procedureCode) {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest("ONLINE"));
        request.put("procedureCode", procedureCode);
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.text("code");
    }

    private static List<String> groups() {
        List<String> groups = new ArrayList<>();
        DepartmentRoutes.ROLES.forEach(role -> groups.add(UNIT + "-" + role));
        groups.add(DESK);
        return groups;
    }

    private static List<Map<String, String>> defaultRoutes() {
        return DepartmentRoutes.ROLES.stream()
                .map(DepartmentRoutingTests::defaultRoute)
                .toList();
    }

    private static Map<String, String> defaultRoute(String role) {
        return route("*", role, UNIT + "-" + role);
    }

    private static Map<String, String> route(String procedure, String role, String group) {
        return Map.of("agencyCode", WARD, "procedureCode", procedure, "role", role, "groupId", group);
    }

    private static Map<String, Object> procedure(String code, Map<String, String> routes) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", "Cấp giấy phép xây dựng nhà ở riêng lẻ tại phường mới");
        p.put("sector", "Hoạt động xây dựng");
        p.put("agencyCode", WARD);
        p.put("legalTime", 15);
        p.put("timeUnit", "WORKING_DAYS");
        p.put("fee", "Lệ phí 75.000 đồng/giấy phép");
        p.put("onlineLevel", "PARTIAL");
        p.put("processKey", "standard_procedure");
        p.put("startForm", "form_house_permit_application");
        p.put("receptionUnit", UNIT);
        p.put("handlingUnit", UNIT);
        p.put(
                "components",
                List.of(
                        Map.of("code", "DON", "name", "Đơn đề nghị cấp giấy phép", "required", true),
                        Map.of("code", "QSDD", "name", "Giấy tờ về quyền sử dụng đất", "required", true),
                        Map.of("code", "BANVE", "name", "Bản vẽ thiết kế", "required", true)));
        if (routes != null) {
            p.put("routes", routes);
        }
        return p;
    }

    private static String noRoute(int row, String role, String step) {
        return row + " routes." + role + " | chưa có tuyến phòng ban cho vai trò " + role + " (bước " + step
                + ") tại cơ quan 000.97.01.H43: thêm \"routes\": {\"" + role + "\": \"<nhóm>\"} cho thủ tục, hoặc"
                + " tuyến mặc định của cơ quan (PUT /api/catalogue/routes) | there is no department route for role "
                + role + " (step " + step + ") at agency 000.97.01.H43: give \"routes\": {\"" + role
                + "\": \"<group>\"} for the procedure, or the agency's default route (PUT /api/catalogue/routes)";
    }

    private static List<String> problems(Api.Reply reply) {
        List<String> problems = new ArrayList<>();
        reply.body()
                .path("problems")
                .forEach(p -> problems.add(p.path("row").asInt() + " "
                        + p.path("field").asText() + " | " + p.path("message").asText() + " | "
                        + p.path("messageEn").asText()));
        return problems;
    }

    private long count(String query) {
        return sql.queryForObject(query, Long.class);
    }
}
