package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The authorization rules, whichever identity runs (built-in or Keycloak): each department's officials see and touch
 * only their department's tasks; citizens work on no task; no credentials, no access; tracking stays public.
 */
public abstract class DepartmentIsolation {

    /** Every demo official and the department group of each. */
    public static final Map<String, String> OFFICIALS = Map.of(
            "tiepnhan", "ttpvhcc-reception",
            "sxd.truongphong", "sxd-head",
            "sxd.chuyenvien", "sxd-specialist",
            "sxd.lanhdao", "sxd-leader",
            "sxd.vanthu", "sxd-clerk",
            "pr.tiepnhan", "phanrang-reception",
            "pr.truongphong", "phanrang-head",
            "pr.chuyenvien", "phanrang-specialist",
            "pr.chutich", "phanrang-leader",
            "pr.vanthu", "phanrang-clerk");

    @LocalServerPort
    int port;

    protected Api api;

    protected abstract Function<String, String> login();

    protected record DepartmentTask(String id, String dossier, String department, String owner) {}

    @BeforeEach
    void client() {
        api = new Api(port, login());
    }

    @Test
    void officialsOfEveryOtherDepartmentCannotListClaimCompleteOrReadTheVariablesOfATask() {
        for (DepartmentTask task : tasksOfFourDepartments()) {
            assertThat(api.tasks(task.owner(), task.dossier()))
                    .extracting(t -> t.path("id").asText())
                    .containsExactly(task.id());
            OFFICIALS.forEach((official, department) -> {
                if (!department.equals(task.department())) {
                    String pair = official + " on a task of " + task.department();
                    assertThat(api.tasks(official, task.dossier())).as(pair).isEmpty();
                    assertThat(api.claim(official, task.id())).as(pair).isEqualTo(403);
                    assertThat(api.complete(official, task.id(), Map.of("x", 1)).status())
                            .as(pair)
                            .isEqualTo(403);
                    assertThat(api.get("/engine-rest/task/" + task.id() + "/variables", official)
                                    .status())
                            .as(pair)
                            .isEqualTo(403);
                    assertThat(api.get("/engine-rest/task/" + task.id() + "/form-variables", official)
                                    .status())
                            .as(pair)
                            .isEqualTo(403);
                }
            });
        }
    }

    @Test
    void aCitizenWorksOnNoTask() {
        DepartmentTask task = tasksOfFourDepartments().get(0);
        Api.Reply list = api.get("/engine-rest/task?processInstanceBusinessKey=" + task.dossier(), "congdan");
        assertThat(list.status() == 403 || (list.status() == 200 && list.body().isEmpty()))
                .as("citizen's task list: %s %s", list.status(), list.body())
                .isTrue();
        assertThat(api.claim("congdan", task.id())).isEqualTo(403);
        assertThat(api.complete("congdan", task.id(), Map.of("x", 1)).status()).isEqualTo(403);
        assertThat(api.get("/engine-rest/task/" + task.id() + "/variables", "congdan")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void onlyReceptionOfficersFileAtTheCounter() {
        Api.Reply citizen =
                api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("COUNTER"), Api.houseFiles()));
        assertThat(citizen.status()).isEqualTo(403);
        Api.Reply officer =
                api.fileDossier("pr.tiepnhan", Api.multipart(Api.housePermitRequest("COUNTER"), Api.houseFiles()));
        assertThat(officer.status()).as(officer.body().toString()).isEqualTo(201);
    }

    @Test
    void withoutCredentialsOfficialsEndpointsAnswer401AndTrackingStillWorks() {
        String code = file("congdan", "1.009994.H43", "ONLINE");
        assertThat(api.get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(api.get("/engine-rest/task?processInstanceBusinessKey=" + code)
                        .status())
                .isEqualTo(401);
        assertThat(api.fileDossier(null, Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()))
                        .status())
                .isEqualTo(401);
        Api.Reply tracking = api.get("/api/tracking/" + code);
        assertThat(tracking.status()).isEqualTo(200);
        assertThat(tracking.text("code")).isEqualTo(code);
    }

    @Test
    void citizensSeeTheirOwnDossiersAndNobodyElses() {
        String mine = file("congdan", "1.009994.H43", "ONLINE");
        String theirs = file("congdan2", "1.009994.H43", "ONLINE");
        assertThat(codes(api.get("/api/dossiers/mine", "congdan")))
                .contains(mine)
                .doesNotContain(theirs);
        assertThat(codes(api.get("/api/dossiers/mine", "congdan2")))
                .contains(theirs)
                .doesNotContain(mine);
        assertThat(api.get("/api/dossiers/mine").status()).isEqualTo(401);
    }

    @Test
    void aDepartmentReadsOnlyTheProcessInstancesItWorksOn() {
        String ward = file("congdan", "1.009994.H43", "ONLINE");
        String query = "/engine-rest/process-instance?businessKey=" + ward;
        Api.Reply own = api.get(query, "pr.tiepnhan");
        assertThat(own.body()).hasSize(1);
        String instance = own.body().get(0).path("id").asText();
        for (String outsider : List.of("tiepnhan", "sxd.truongphong", "pr.vanthu")) {
            assertThat(api.get(query, outsider).body()).as(outsider).isEmpty();
            // the engine answers as if the instance did not exist: nothing of it leaks
            Api.Reply single = api.get("/engine-rest/process-instance/" + instance, outsider);
            assertThat(single.status()).as(outsider).isIn(403, 404);
            assertThat(single.body().toString()).as(outsider).doesNotContain(ward);
        }
    }

    @Test
    void outsideStagingNobodyDeploysOverRestTheModelsComeFromTheBuild() {
        String model = """
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="designer">
                  <process id="designer_check" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="Event_Start" />
                  </process>
                </definitions>
                """;
        assertThat(deploy("pr.truongphong", model).status()).isEqualTo(403);
        Api.Reply designer = deploy("thietke", model);
        assertThat(designer.status()).isEqualTo(403);
        assertThat(designer.text("message")).contains("triển khai từ bản dựng");
        assertThat(designer.text("messageEn")).contains("only the staging profile allows it");
    }

    private Api.Reply deploy(String user, String model) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("deployment-name", "designer-check");
        parts.add("data", Api.file("designer-check.bpmn", model.getBytes(StandardCharsets.UTF_8)));
        return api.post("/engine-rest/deployment/create", user, parts);
    }

    private static List<String> codes(Api.Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        List<String> codes = new java.util.ArrayList<>();
        reply.body().forEach(d -> codes.add(d.path("code").asText()));
        return codes;
    }

    /**
     * Unclaimed tasks at the ward's reception and head, the provincial centre's reception and the construction
     * department's head.
     */
    protected List<DepartmentTask> tasksOfFourDepartments() {
        String ward = file("congdan", "1.009994.H43", "ONLINE");
        String wardAccepted = file("congdan", "1.009994.H43", "ONLINE");
        String province = file("tiepnhan", "1.009991.H43", "COUNTER");
        String provinceAccepted = file("tiepnhan", "1.009991.H43", "COUNTER");
        accept("pr.tiepnhan", wardAccepted);
        accept("tiepnhan", provinceAccepted);
        Map<String, DepartmentTask> tasks = new LinkedHashMap<>();
        for (DepartmentTask task : List.of(
                task(ward, "phanrang-reception", "pr.tiepnhan"),
                task(wardAccepted, "phanrang-head", "pr.truongphong"),
                task(province, "ttpvhcc-reception", "tiepnhan"),
                task(provinceAccepted, "sxd-head", "sxd.truongphong"))) {
            tasks.put(task.id(), task);
        }
        return List.copyOf(tasks.values());
    }

    private DepartmentTask task(String dossier, String department, String owner) {
        List<JsonNode> tasks = api.tasks(owner, dossier);
        assertThat(tasks).as("%s's tasks of %s", owner, dossier).hasSize(1);
        return new DepartmentTask(tasks.get(0).path("id").asText(), dossier, department, owner);
    }

    private void accept(String officer, String dossier) {
        String id = api.tasks(officer, dossier).get(0).path("id").asText();
        assertThat(api.claim(officer, id)).isEqualTo(204);
        assertThat(api.complete(officer, id, Map.of("receptionDecision", "accept"))
                        .status())
                .isEqualTo(204);
    }

    protected String file(String user, String procedure, String channel) {
        Map<String, Object> request = new HashMap<>(Api.housePermitRequest(channel));
        request.put("procedureCode", procedure);
        if (!"ONLINE".equals(channel)) {
            request.put("receivedComponents", List.of("TKCS"));
        }
        Api.Reply filed = api.fileDossier(user, Api.multipart(request, Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.text("code");
    }
}
