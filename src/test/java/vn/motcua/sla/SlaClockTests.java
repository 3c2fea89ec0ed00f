package vn.motcua.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The clocks of dossiers and steps with the engine's clock moved (ClockUtil), driven over HTTP as officials and
 * citizens drive them. The house permit 1.009994.H43 has 15 working days; its appraisal budget is 10 days.
 */
@IntegrationTest
@RecordApplicationEvents
class SlaClockTests {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String HOUSE_PERMIT = "1.009994.H43";

    @LocalServerPort
    int port;

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    @Autowired
    DeadlineWarnings warnings;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ApplicationEvents events;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    record Filed(String code, String secret) {}

    @Test
    void aSupplementPauseMovesTheAppointmentByThePausedWorkingTimeAndASecondRequestIsRefused() {
        Filed dossier = acceptedAndAssignedAt("2026-03-02T09:00");
        // 15 working days, day 1 = the day of acceptance
        assertThat(appointment(dossier)).isEqualTo(time("2026-03-20T17:00"));

        at("2026-03-04T09:00");
        step("pr.chuyenvien", dossier, "Task_AppraiseDossier", Map.of("appraisalOutcome", "supplement"));
        at("2026-03-06T09:00");
        assertThat(supplement(dossier).status()).isEqualTo(202);

        // paused 16 working hours (Wed 09:00 → Fri 09:00)
        assertThat(appointment(dossier)).isEqualTo(time("2026-03-24T17:00"));

        Api.Reply second = complete("pr.chuyenvien", dossier, Map.of("appraisalOutcome", "supplement"));
        assertThat(second.status()).isNotEqualTo(204);
        assertThat(second.body().toString()).contains("tối đa 1 lần").contains("at most 1 supplement request");
    }

    @Test
    void aRestartPolicyCountsTheLegalTimeAgainFromTheSupplement() {
        jdbc.update("""
                insert into sla_supplement_policy (procedure_code, clock_policy, max_requests, timeout_working_days)
                values (?, 'RESTART', 1, 15)
                """, HOUSE_PERMIT);
        try {
            Filed dossier = acceptedAndAssignedAt("2026-03-02T09:00");
            at("2026-03-04T09:00");
            step("pr.chuyenvien", dossier, "Task_AppraiseDossier", Map.of("appraisalOutcome", "supplement"));
            at("2026-03-06T09:00");
            assertThat(supplement(dossier).status()).isEqualTo(202);

            assertThat(appointment(dossier)).isEqualTo(time("2026-03-26T17:00"));
        } finally {
            jdbc.update("delete from sla_supplement_policy where procedure_code = ?", HOUSE_PERMIT);
        }
    }

    @Test
    void anUnansweredSupplementClosesTheDossierAfter15WorkingDays() {
        Filed dossier = acceptedAndAssignedAt("2026-04-24T14:00");
        step("pr.chuyenvien", dossier, "Task_AppraiseDossier", Map.of("appraisalOutcome", "supplement"));

        // 15 working days from Fri 24/04 14:00, skipping 27/04, 30/04 and 01/05
        Job timer = management
                .createJobQuery()
                .processInstanceId(processOf(dossier))
                .timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(date("2026-05-20T14:00"));

        at("2026-05-20T14:01");
        try {
            management.executeJob(timer.getId());
        } catch (ProcessEngineException alreadyFiredByTheJobExecutor) {
            // the job executor may have fired the timer first, which is what should happen anyway
        }
        JsonNode closed = eventually(dossier, 8);
        assertThat(closed.path("currentStep").asText()).isEqualTo("Đã đóng hồ sơ do quá hạn bổ sung");
    }

    @Test
    void warnsTheDepartmentAtTheWarningTimeBeforeAStepsAndTheDossiersDueTime() {
        Filed dossier = acceptedAndAssignedAt("2026-03-02T09:00");
        Task appraisal = tasks.createTaskQuery()
                .processInstanceBusinessKey(dossier.code())
                .taskDefinitionKey("Task_AppraiseDossier")
                .singleResult();
        // due after 10 working days at 09:00 on 16/03; warned 4 working hours earlier, on Friday 13/03 at 14:00
        assertThat(appraisal.getDueDate()).isEqualTo(date("2026-03-16T09:00"));
        assertThat(appraisal.getFollowUpDate()).isEqualTo(date("2026-03-13T14:00"));

        warnings.warnAt(time("2026-03-13T13:59"));
        assertThat(warningsFor(dossier)).isEmpty();

        warnings.warnAt(time("2026-03-13T14:00"));
        assertThat(warningsFor(dossier)).singleElement().satisfies(warning -> {
            assertThat(warning.stepKey()).isEqualTo("Task_AppraiseDossier");
            assertThat(warning.department()).isEqualTo("phanrang-specialist");
            assertThat(warning.dueAt()).isEqualTo(time("2026-03-16T09:00"));
        });
        assertThat(tasks.getVariableLocal(appraisal.getId(), "deadlineWarning")).isEqualTo(true);

        warnings.warnAt(time("2026-03-20T13:00"));
        assertThat(warningsFor(dossier))
                .hasSize(2)
                .last()
                .satisfies(warning -> assertThat(warning.isStep()).isFalse());
        assertThat(track(dossier).path("nearDeadline").asBoolean()).isTrue();
    }

    @Test
    void theApologyIsIssuedOnceAndOnlyAtLeastOneWorkingDayBeforeTheDueTime() {
        Filed dossier = acceptedAndAssignedAt("2026-03-02T09:00");
        Map<String, Object> letter =
                Map.of("reason", "Chờ ý kiến của Sở Xây dựng về chỉ giới", "newAppointmentAt", "2026-03-27T17:00:00");

        assertThat(apologise("congdan", dossier, letter).status()).isEqualTo(403);

        at("2026-03-19T17:01");
        Api.Reply tooLate = apologise("pr.truongphong", dossier, letter);
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.text("message")).contains("chậm nhất 01 ngày làm việc trước hạn trả 17:00 20/03/2026");
        assertThat(tooLate.text("messageEn")).contains("at least one working day before");

        at("2026-03-19T17:00");
        Api.Reply issued = apologise("pr.truongphong", dossier, letter);
        assertThat(issued.status()).as(issued.body().toString()).isEqualTo(201);

        Api.Reply again = apologise("pr.chutich", dossier, letter);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("message")).contains("không quá 01 lần");
        assertThat(again.text("messageEn")).contains("only once");

        JsonNode tracking = track(dossier);
        assertThat(time(tracking.path("appointmentAt").asText())).isEqualTo(time("2026-03-20T17:00"));
        assertThat(time(tracking.path("extendedAppointmentAt").asText())).isEqualTo(time("2026-03-27T17:00"));
        assertThat(tracking.path("apologyReason").asText()).isEqualTo("Chờ ý kiến của Sở Xây dựng về chỉ giới");
    }

    @Test
    void aDossierFinishedAfterItsDueTimeIsLateEvenAfterAnExtension() {
        Filed dossier = acceptedAndAssignedAt("2026-03-02T09:00");
        at("2026-03-10T09:00");
        assertThat(apologise(
                                "pr.truongphong",
                                dossier,
                                Map.of("reason", "Chờ kết quả đo đạc", "newAppointmentAt", "2026-03-27T17:00:00"))
                        .status())
                .isEqualTo(201);

        at("2026-03-23T10:00");
        finish(dossier);

        JsonNode done = track(dossier);
        assertThat(done.path("status").asInt()).isEqualTo(10);
        assertThat(done.path("timeliness").asText()).isEqualTo("LATE");
        assertThat(stepTimeliness(done, "Thẩm định hồ sơ")).isEqualTo("LATE");
    }

    @Test
    void aDossierResolvedBeforeItsDueDayIsEarlyAndEachStepIsJudgedOnItsOwnDueTime() {
        Filed dossier = acceptedAndAssignedAt("2026-03-02T09:00");
        finish(dossier);

        JsonNode done = track(dossier);
        assertThat(done.path("timeliness").asText()).isEqualTo("EARLY");
        // the reception check (4 h, due 13:00 the same day) finished on its due day: on time, not early
        assertThat(stepTimeliness(done, "Kiểm tra hồ sơ")).isEqualTo("ON_TIME");
        assertThat(stepTimeliness(done, "Thẩm định hồ sơ")).isEqualTo("EARLY");
    }

    private Filed acceptedAndAssignedAt(String moment) {
        at(moment);
        Api.Reply reply = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        Filed dossier = new Filed(reply.text("code"), reply.text("secret"));
        step("pr.tiepnhan", dossier, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        step("pr.truongphong", dossier, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        return dossier;
    }

    private void finish(Filed dossier) {
        step("pr.chuyenvien", dossier, "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        step("pr.truongphong", dossier, "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        step("pr.chutich", dossier, "Task_SignResult", Map.of("reviewDecision", "agree"));
        step("pr.vanthu", dossier, "Task_IssueResult", Map.of("resultNumber", "15/GPXD"));
        step("pr.tiepnhan", dossier, "Task_ReturnResult", Map.of("returnChannel", "counter"));
    }

    private void step(String official, Filed dossier, String taskKey, Map<String, Object> variables) {
        Api.Reply completed = complete(official, dossier, variables);
        assertThat(completed.status()).as("%s: %s", taskKey, completed.body()).isEqualTo(204);
    }

    private Api.Reply complete(String official, Filed dossier, Map<String, Object> variables) {
        List<JsonNode> open = api.tasks(official, dossier.code());
        assertThat(open).as("%s sees one task of %s", official, dossier.code()).hasSize(1);
        String taskId = open.get(0).path("id").asText();
        if (open.get(0).path("assignee").isNull()) {
            assertThat(api.claim(official, taskId)).isEqualTo(204);
        }
        return api.complete(official, taskId, variables);
    }

    private Api.Reply supplement(Filed dossier) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("BANVE", Api.file("mat-cat.pdf", Api.PDF));
        parts.add("secret", dossier.secret());
        return api.post("/api/dossiers/" + dossier.code() + "/supplements", null, parts);
    }

    private Api.Reply apologise(String official, Filed dossier, Map<String, Object> letter) {
        return api.post("/api/dossiers/" + dossier.code() + "/apology", official, letter);
    }

    private JsonNode track(Filed dossier) {
        Api.Reply reply = api.getWithSecret("/api/tracking/" + dossier.code(), dossier.secret());
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    private LocalDateTime appointment(Filed dossier) {
        return time(track(dossier).path("appointmentAt").asText());
    }

    private static String stepTimeliness(JsonNode tracking, String stepName) {
        List<String> found = new ArrayList<>();
        tracking.path("timeline").forEach(event -> {
            if ("STEP".equals(event.path("kind").asText())
                    && stepName.equals(event.path("text").asText())) {
                found.add(event.path("timeliness").asText());
            }
        });
        assertThat(found).as("steps named %s", stepName).isNotEmpty();
        return found.get(found.size() - 1);
    }

    private List<DeadlineApproaching> warningsFor(Filed dossier) {
        return events.stream(DeadlineApproaching.class)
                .filter(warning -> warning.dossierCode().equals(dossier.code()))
                .toList();
    }

    /** The job executor runs in other threads: wait (bounded) until the dossier has the status. */
    private JsonNode eventually(Filed dossier, int status) {
        JsonNode tracking = track(dossier);
        for (int i = 0; i < 100 && tracking.path("status").asInt() != status; i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            tracking = track(dossier);
        }
        assertThat(tracking.path("status").asInt()).isEqualTo(status);
        return tracking;
    }

    private String processOf(Filed dossier) {
        return runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(dossier.code())
                .singleResult()
                .getId();
    }

    private static void at(String moment) {
        ClockUtil.setCurrentTime(date(moment));
    }

    private static LocalDateTime time(String text) {
        return LocalDateTime.parse(text);
    }

    private static Date date(String moment) {
        return Date.from(time(moment).atZone(VIETNAM).toInstant());
    }
}
