package vn.motcua.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.ApplicationEventMulticaster;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.dossier.DossierFiled;
import vn.motcua.dossier.DossierReturned;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.DossierStatusChanged;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.ResultIssued;
import vn.motcua.sla.ApologyIssued;
import vn.motcua.sla.Timeliness;
import vn.motcua.workflow.StepCompleted;
import vn.motcua.workflow.StepStarted;

/**
 * The durable domain events of a house permit walked from filing to return: each published with its exact fields,
 * written to the event publication registry in the engine step's own transaction (and gone with it when it rolls
 * back), and turned into notices once.
 */
@IntegrationTest
class DomainEventsTests {

    @LocalServerPort
    int port;

    @Autowired
    ConfigurableApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TaskService tasks;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ObjectMapper json;

    Api api;
    final List<Object> published = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> recorder = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload
                && payload.getPayload().getClass().getPackageName().startsWith("vn.motcua")) {
            published.add(payload.getPayload());
        }
    };
    final Map<String, String> taskIds = new LinkedHashMap<>();

    @BeforeEach
    void listen() {
        api = new Api(port);
        context.addApplicationListener(recorder);
    }

    @AfterEach
    void stopListening() {
        context.getBean(ApplicationEventMulticaster.class).removeApplicationListener(recorder);
    }

    @Test
    void aStepThatRollsBackLeavesNoPublicationAndNoNotice() {
        String code = file();
        await(() -> notices(code, "DOSSIER_FILED") == 1, "the filing's notice");
        int before = publications(code);
        assertThat(before)
                .as("DossierFiled (notification, reporting) and StepStarted (notification), one row per consumer")
                .isEqualTo(3);
        String taskId = api.tasks("pr.tiepnhan", code).get(0).path("id").asText();

        int[] inside = new int[1];
        TransactionTemplate step = new TransactionTemplate(transactions);
        step.executeWithoutResult(status -> {
            tasks.complete(taskId, Map.of("receptionDecision", "accept"));
            inside[0] = publications(code);
            status.setRollbackOnly();
        });

        assertThat(inside[0])
                .as("status 1→2, 2→4 (two consumers each) and the next step's start, stored in the step's transaction")
                .isEqualTo(before + 5);
        assertThat(publications(code)).isEqualTo(before);
        assertThat(api.tasks("pr.tiepnhan", code))
                .singleElement()
                .satisfies(t -> assertThat(t.path("id").asText()).isEqualTo(taskId));
        sleep(Duration.ofSeconds(1));
        assertThat(notices(code, "STATUS_ACCEPTED")).isZero();

        step("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        await(() -> notices(code, "STATUS_ACCEPTED") == 1, "the acceptance notice once the step committed");
        assertThat(publications(code)).isEqualTo(before + 5);
    }

    @Test
    void aHousePermitWalkPublishesEachEventWithItsFieldsAndTheCitizenAndDepartmentsGetTheirNotices() {
        String code = file();
        step("pr.tiepnhan", code, "Task_CheckDossier", Map.of("receptionDecision", "accept"));
        step("pr.truongphong", code, "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien"));
        Api.Reply apology = api.post(
                "/api/dossiers/" + code + "/apology",
                "pr.truongphong",
                Map.of(
                        "reason",
                        "Chờ ý kiến của Sở Xây dựng",
                        "newAppointmentAt",
                        LocalDateTime.now().plusDays(40).withNano(0).toString()));
        assertThat(apology.status()).as(apology.body().toString()).isEqualTo(201);
        step("pr.chuyenvien", code, "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve"));
        step("pr.truongphong", code, "Task_ReviewDossier", Map.of("reviewDecision", "agree"));
        step("pr.chutich", code, "Task_SignResult", Map.of("reviewDecision", "agree"));
        step("pr.vanthu", code, "Task_IssueResult", Map.of("resultNumber", "15/GPXD"));
        step("pr.tiepnhan", code, "Task_ReturnResult", Map.of("returnChannel", "counter"));

        JsonNode tracking = api.get("/api/tracking/" + code).body();
        LocalDateTime receivedAt =
                LocalDateTime.parse(tracking.path("receivedAt").asText());
        LocalDateTime appointment =
                LocalDateTime.parse(tracking.path("appointmentAt").asText());

        assertThat(of(DossierFiled.class, code)).singleElement().satisfies(filed -> {
            assertThat(filed.procedureCode()).isEqualTo("1.009994.H43");
            assertThat(filed.agencyCode()).isEqualTo("000.20.43.H43");
            assertThat(filed.channel()).isEqualTo(NewDossier.Channel.ONLINE);
            assertThat(filed.receivedAt()).isEqualTo(receivedAt);
            assertThat(filed.dueAt()).isNotNull();
            assertThat(filed.filedBy()).isEqualTo("congdan");
        });

        List<DossierStatusChanged> changes = of(DossierStatusChanged.class, code);
        assertThat(changes)
                .extracting(DossierStatusChanged::from, DossierStatusChanged::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DossierStatus.SUBMITTED, DossierStatus.ACCEPTED),
                        org.assertj.core.groups.Tuple.tuple(DossierStatus.ACCEPTED, DossierStatus.IN_PROCESS),
                        org.assertj.core.groups.Tuple.tuple(DossierStatus.IN_PROCESS, DossierStatus.DONE),
                        org.assertj.core.groups.Tuple.tuple(DossierStatus.DONE, DossierStatus.RETURNED));
        assertThat(changes.get(0).actor()).isEqualTo("pr.tiepnhan");

        List<String> keys = List.of(
                "Task_CheckDossier",
                "Task_AssignDossier",
                "Task_AppraiseDossier",
                "Task_ReviewDossier",
                "Task_SignResult",
                "Task_IssueResult",
                "Task_ReturnResult");
        List<StepStarted> started = of(StepStarted.class, code);
        assertThat(started).extracting(StepStarted::stepKey).containsExactlyElementsOf(keys);
        assertThat(started)
                .extracting(StepStarted::stepName)
                .containsExactly(
                        "Kiểm tra hồ sơ",
                        "Phân công xử lý",
                        "Thẩm định hồ sơ",
                        "Xem xét, trình ký kết quả",
                        "Ký duyệt kết quả",
                        "Vào số, phát hành kết quả",
                        "Trả kết quả");
        assertThat(started)
                .extracting(StepStarted::department)
                .containsExactly(
                        "phanrang-reception",
                        "phanrang-head",
                        "phanrang-specialist",
                        "phanrang-head",
                        "phanrang-leader",
                        "phanrang-clerk",
                        "phanrang-reception");
        assertThat(started).extracting(StepStarted::stepId).containsExactlyElementsOf(taskIds.values());
        assertThat(started).allSatisfy(s -> assertThat(s.dueAt()).isAfter(s.startedAt()));

        List<StepCompleted> completed = of(StepCompleted.class, code);
        assertThat(completed).extracting(StepCompleted::stepKey).containsExactlyElementsOf(keys);
        assertThat(completed).extracting(StepCompleted::outcome).startsWith("accept");
        for (int i = 0; i < keys.size(); i++) {
            StepStarted start = started.get(i);
            StepCompleted end = completed.get(i);
            assertThat(end.stepId()).isEqualTo(start.stepId());
            assertThat(end.stepName()).isEqualTo(start.stepName());
            assertThat(end.department()).isEqualTo(start.department());
            assertThat(end.dueAt()).isEqualTo(start.dueAt());
            assertThat(end.completedAt()).isAfterOrEqualTo(start.startedAt());
            assertThat(end.timeliness())
                    .as("finished within minutes of a budget in working hours or days")
                    .isEqualTo(
                            end.completedAt().toLocalDate().isBefore(end.dueAt().toLocalDate())
                                    ? Timeliness.EARLY
                                    : Timeliness.ON_TIME);
        }

        assertThat(of(ApologyIssued.class, code)).singleElement().satisfies(a -> {
            assertThat(a.issuedBy()).isEqualTo("pr.truongphong");
            assertThat(a.newDueAt()).isAfter(a.originalDueAt());
        });
        assertThat(of(ResultIssued.class, code)).singleElement().satisfies(result -> {
            assertThat(result.procedureCode()).isEqualTo("1.009994.H43");
            assertThat(result.agencyCode()).isEqualTo("000.20.43.H43");
            assertThat(result.issuedAt()).isEqualTo(changes.get(2).changedAt());
            assertThat(result.dueAt()).isEqualTo(appointment);
        });
        assertThat(of(DossierReturned.class, code))
                .singleElement()
                .satisfies(returned -> assertThat(returned.returnedAt())
                        .isEqualTo(changes.get(3).changedAt()));

        // durable: one row per consumer, each completed, carrying the same fields as JSON
        await(() -> incompletePublications(code) == 0, "every publication completed");
        JsonNode apologyRow = serialized(code, ApologyIssued.class).get(0);
        assertThat(apologyRow.path("dossierCode").asText()).isEqualTo(code);
        assertThat(apologyRow.path("issuedBy").asText()).isEqualTo("pr.truongphong");

        // listeners run after each commit, asynchronously: the order of the notices is not the order of the events
        assertThat(noticeKinds(code))
                .containsExactlyInAnyOrder(
                        "DOSSIER_FILED=CITIZEN:null",
                        "STEP_STARTED=DEPARTMENT:phanrang-reception",
                        "STATUS_ACCEPTED=CITIZEN:null",
                        "STEP_STARTED=DEPARTMENT:phanrang-head",
                        "APOLOGY_ISSUED=CITIZEN:null",
                        "STEP_STARTED=DEPARTMENT:phanrang-specialist",
                        "STEP_STARTED=DEPARTMENT:phanrang-head",
                        "STEP_STARTED=DEPARTMENT:phanrang-leader",
                        "STEP_STARTED=DEPARTMENT:phanrang-clerk",
                        "RESULT_ISSUED=CITIZEN:null",
                        "STEP_STARTED=DEPARTMENT:phanrang-reception");
        assertThat(jdbc.queryForObject(
                        "select message from notification_notice where event_key = ?", String.class, "apology:" + code))
                .startsWith("Cơ quan giải quyết xin lỗi vì hồ sơ " + code + " chưa có kết quả đúng hẹn ")
                .contains("; ngày hẹn trả mới: ");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    String file() {
        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return filed.text("code");
    }

    void step(String official, String code, String taskKey, Map<String, Object> variables) {
        List<JsonNode> open = api.tasks(official, code);
        assertThat(open)
                .as("%s sees the task %s of %s", official, taskKey, code)
                .hasSize(1);
        JsonNode task = open.get(0);
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo(taskKey);
        String id = task.path("id").asText();
        taskIds.put(taskKey + taskIds.size(), id);
        if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
            assertThat(api.claim(official, id)).isEqualTo(204);
        }
        Api.Reply done = api.complete(official, id, variables);
        assertThat(done.status()).as(done.body().toString()).isEqualTo(204);
    }

    <T> List<T> of(Class<T> type, String code) {
        List<T> events = new ArrayList<>();
        for (Object event : published) {
            if (type.isInstance(event) && event.toString().contains("dossierCode=" + code + ",")) {
                events.add(type.cast(event));
            }
        }
        return events;
    }

    int publications(String code) {
        return jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where serialized_event like ?",
                Integer.class,
                "%\"dossierCode\":\"" + code + "\"%");
    }

    int incompletePublications(String code) {
        return jdbc.queryForObject(
                "select count(*) from EVENT_PUBLICATION where serialized_event like ? and completion_date is null",
                Integer.class,
                "%\"dossierCode\":\"" + code + "\"%");
    }

    List<JsonNode> serialized(String code, Class<?> type) {
        return jdbc
                .queryForList(
                        "select serialized_event from EVENT_PUBLICATION where event_type = ? and serialized_event like ?",
                        String.class,
                        type.getName(),
                        "%\"dossierCode\":\"" + code + "\"%")
                .stream()
                .map(text -> {
                    try {
                        return json.readTree(text);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    int notices(String code, String kind) {
        return jdbc.queryForObject(
                "select count(*) from notification_notice where dossier_code = ? and kind = ?",
                Integer.class,
                code,
                kind);
    }

    List<String> noticeKinds(String code) {
        return jdbc.queryForList(
                "select concat(kind, '=', recipient_kind, ':', coalesce(recipient, 'null')) from notification_notice"
                        + " where dossier_code = ? order by id",
                String.class,
                code);
    }

    static void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within 20 s: " + what);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
