package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.installations.Exchanges.handoffs;
import static vn.motcua.installations.Exchanges.patiently;
import static vn.motcua.installations.Exchanges.patientlyGet;
import static vn.motcua.installations.Exchanges.signedBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.Api;

/**
 * The flagship liên thông group (domain.md §10.1) across two installations: the ward's civil-status office
 * (installation "commune", agency 000.20.43.H43) registers the birth and hands the dossier over HTTP to the police and
 * to social insurance, which run in another installation ("agencies", 000.61.43.H43 and 000.62.00.H43, its own schema
 * on the same MariaDB server). The officials of each agency work in their own installation; the results come back as
 * messages and the dossier completes at the ward with each agency's step and its timeliness on the tracking page.
 */
class BirthGroupAcrossInstallationsTests {

    static final String COMMUNE = "000.20.43.H43";
    static final String POLICE = "000.61.43.H43";
    static final String INSURANCE = "000.62.00.H43";
    static final String ADMIN = "admin";

    static final Installation commune = Installation.named("commune", "c");
    static final Installation agencies = Installation.named("police-insurance", "d");

    @BeforeAll
    static void start() {
        commune.localAgencies(COMMUNE).peer(POLICE, agencies).peer(INSURANCE, agencies);
        agencies.localAgencies(POLICE, INSURANCE).peer(COMMUNE, commune);
        for (Installation installation : List.of(commune, agencies)) {
            installation
                    .property("motcua.interagency.poll", "PT0.5S")
                    .property("motcua.interagency.backoff-initial", "PT1S")
                    .property("motcua.interagency.backoff-max", "PT4S");
        }
        Installation.startAll(commune, agencies);
    }

    @AfterAll
    static void stop() {
        commune.close();
        agencies.close();
    }

    @Test
    void theBirthGroupCompletesAcrossTwoInstallations() {
        String code = fileAndRegisterBirth("Nguyễn Thị Bảo Ngọc");

        // each request went out once, signed, and the other installation acknowledged it
        patiently()
                .untilAsserted(() -> assertThat(handoffs(commune, "OUT", code))
                        .hasSize(2)
                        .allSatisfy(sent -> {
                            assertThat(sent.path("status").asText()).isEqualTo("DELIVERED");
                            assertThat(signedBy(
                                            agencies,
                                            sent.path("receiverAgency").asText(),
                                            sent.path("ackBody").asText(),
                                            sent.path("ackSignature").asText(),
                                            sent.path("ackKeyId").asText()))
                                    .isTrue();
                        }));
        assertThat(handoffs(commune, "OUT", code))
                .extracting(sent -> sent.path("messageName").asText())
                .containsExactlyInAnyOrder("Msg_BirthResidenceRequest", "Msg_BirthInsuranceRequest");

        // the police and social insurance see the dossier in their own installation and decide there
        work(agencies, "ca.canbo", code, Map.of("residenceOutcome", "approve", "residenceNumber", "TT-2026-000125"));
        work(
                agencies,
                "bhxh.canbo",
                code,
                Map.of("insuranceOutcome", "issue", "insuranceCardNumber", "TE1585822012345"));
        assertThat(agencies.api().get("/api/tracking/" + code).status()).isEqualTo(200);

        JsonNode done = patientlyGet(
                () -> commune.api().get("/api/tracking/" + code).body(),
                tracking -> tracking.path("status").asInt() == 10);
        assertThat(done.path("procedureCode").asText()).isEqualTo("1.001193.H43");
        List<JsonNode> agencySteps = steps(done, "Công an phường Phan Rang", "Bảo hiểm xã hội");
        assertThat(agencySteps).hasSize(2).allSatisfy(step -> {
            assertThat(step.path("dueAt").isNull()).isFalse();
            assertThat(step.path("completedAt").isNull()).as("%s", step).isFalse();
            assertThat(step.path("timeliness").asText()).isIn("EARLY", "ON_TIME");
        });

        // the results came back as messages, once each, and their values are the ward's
        assertThat(handoffs(commune, "IN", code))
                .hasSize(2)
                .allSatisfy(
                        received -> assertThat(received.path("status").asText()).isEqualTo("CORRELATED"));
        assertThat(variable(code, "residenceNumber")).isEqualTo("TT-2026-000125");
        assertThat(variable(code, "insuranceCardNumber")).isEqualTo("TE1585822012345");
        assertThat(handoffs(agencies, "IN", code)).hasSize(2);
    }

    @Test
    void aRefusalByThePoliceComesBackWithItsReasonAndTheGroupStillCompletes() {
        String code = fileAndRegisterBirth("Trần Minh Khôi");

        work(
                agencies,
                "ca.canbo",
                code,
                Map.of(
                        "residenceOutcome",
                        "refuse",
                        "residenceReason",
                        "Địa chỉ thường trú không có thật trên bản đồ"));
        work(
                agencies,
                "bhxh.canbo",
                code,
                Map.of("insuranceOutcome", "issue", "insuranceCardNumber", "TE1585822099999"));

        patientlyGet(
                () -> commune.api().get("/api/tracking/" + code).body(),
                tracking -> tracking.path("status").asInt() == 10);
        assertThat(variable(code, "residenceOutcome")).isEqualTo("refuse");
        assertThat(variable(code, "residenceReason")).isEqualTo("Địa chỉ thường trú không có thật trên bản đồ");
        assertThat(variable(code, "insuranceCardNumber")).isEqualTo("TE1585822099999");
    }

    // ---- the ward's part
    // ---------------------------------------------------------------------------------------------

    /** Filed online by the parent at the ward, accepted at reception and registered by the civil-status officer. */
    private static String fileAndRegisterBirth(String child) {
        Map<String, Object> request = Map.of(
                "procedureCode",
                "1.001193.H43",
                "channel",
                "ONLINE",
                "applicant",
                Api.houseApplicant(),
                "formData",
                Map.of(
                        "childName", child,
                        "childBirthDate", "20/11/2026",
                        "childSex", "female",
                        "birthPlace", "Bệnh viện Đa khoa tỉnh Ninh Thuận",
                        "birthCertificateNumber", "CS-2026-004512",
                        "motherName", "Lê Thị Hoà",
                        "fatherName", "Nguyễn Văn An",
                        "residenceAddress", "12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận"));
        Api.Reply filed = commune.api()
                .fileDossier("congdan", Api.multipart(request, Map.of("TOKHAI", Api.PDF, "CHUNGSINH", Api.PDF)));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        String code = filed.text("code");
        assertThat(code).startsWith(COMMUNE + "-");

        work(commune, "pr.tiepnhan", code, Map.of("receptionDecision", "accept"));
        work(
                commune,
                "pr.chuyenvien",
                code,
                Map.of("registrationDecision", "register", "birthRegistrationNumber", "125/2026"));
        return code;
    }

    /** The official finds the dossier's task in their installation (their department only), claims and completes it. */
    private static void work(Installation installation, String official, String code, Map<String, Object> decision) {
        JsonNode task = patientlyGet(() -> installation.api().tasks(official, code), tasks -> tasks.size() == 1)
                .get(0);
        assertThat(installation.api().claim(official, task.path("id").asText())).isEqualTo(204);
        Api.Reply completed =
                installation.api().complete(official, task.path("id").asText(), decision);
        assertThat(completed.status()).as("%s", completed.body()).isEqualTo(204);
    }

    /** The timeline's steps of the departments whose names start so (tracking names departments, not group ids). */
    private static List<JsonNode> steps(JsonNode tracking, String... departments) {
        List<JsonNode> steps = new ArrayList<>();
        tracking.path("timeline").forEach(event -> {
            String department = event.path("department").asText();
            if (List.of(departments).stream().anyMatch(department::startsWith)) {
                steps.add(event);
            }
        });
        return steps;
    }

    private static String variable(String code, String name) {
        Api.Reply instances = commune.api()
                .get(
                        "/engine-rest/history/process-instance?processDefinitionKey=birth_registration"
                                + "&processInstanceBusinessKey=" + code,
                        ADMIN);
        assertThat(instances.body()).hasSize(1);
        Api.Reply values = commune.api()
                .get(
                        "/engine-rest/history/variable-instance?variableName=" + name + "&processInstanceId="
                                + instances.body().get(0).path("id").asText(),
                        ADMIN);
        assertThat(values.body()).as(name).hasSize(1);
        return values.body().get(0).path("value").asText();
    }
}
