package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.Api;
import vn.motcua.nationalportal.PortalEmulator;

/**
 * Production shape of the national portal link: officials with Keycloak tokens walk a house permit to its return;
 * the portal's emulator (the one every Keycloak-mode test's application is linked to, {@link KeycloakContext})
 * receives its record and each step with the official's name and department as Keycloak knows them, and the operator
 * (a Keycloak token of camunda-admin) sees the queue sent.
 */
@KeycloakTest
class NationalPortalKeycloakTests {

    static final PortalEmulator portal = KeycloakContext.portal();

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        KeycloakServer keycloak = KeycloakServer.get();
        api = new Api(port, user -> "Bearer " + keycloak.token(user));
    }

    @Test
    void eachStepReachesThePortalWithTheOfficialAndTheDepartmentAsKeycloakNamesThem() {
        String code = api.fileHousePermitOnline().code();
        api.returnHousePermit(code);

        await(
                () -> portal.progress(code).size() == 7
                        && portal.record(code)
                                .map(r -> r.path("record").path("TrangThaiHoSo").asInt() == 10)
                                .orElse(false),
                "the record at 10 and the seven steps");
        List<JsonNode> steps = new ArrayList<>();
        portal.progress(code).forEach(steps::add);
        assertThat(steps)
                .extracting(p -> p.path("NguoiXuLy").asText())
                .containsExactly(
                        "Ngô Thị Lan",
                        "Bùi Văn Khánh",
                        "Đỗ Thị Mai",
                        "Bùi Văn Khánh",
                        "Lương Văn Nam",
                        "Huỳnh Thị Oanh",
                        "Ngô Thị Lan");
        assertThat(steps.get(0).path("PhongBanXuLy").asText())
                .isEqualTo("Ủy ban nhân dân phường Phan Rang – Bộ phận Một cửa");
        assertThat(portal.record(code)
                        .orElseThrow()
                        .path("record")
                        .path("ChuHoSo")
                        .asText())
                .isEqualTo("Nguyễn Văn An");

        Api.Reply queue = api.get("/api/national-portal/sync?dossier=" + code, "admin");
        assertThat(queue.status()).as("%s", queue.body()).isEqualTo(200);
        assertThat(queue.body().path("rows"))
                .extracting(r -> r.path("status").asText())
                .containsOnly("SENT");
        assertThat(api.get("/api/national-portal/sync?dossier=" + code, "pr.tiepnhan")
                        .status())
                .isEqualTo(403);
    }

    static void await(Supplier<Boolean> condition, String what) {
        Instant end = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.get()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("waited 60 s for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
