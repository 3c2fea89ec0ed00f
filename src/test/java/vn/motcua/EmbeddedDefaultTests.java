package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The embedded default of the README's run command (H2, built-in identity seeded from keycloak/, demo catalogue) files
 * and tracks a dossier; only the database file is swapped for an in-memory one. No profile is given, as in
 * {@code mvn spring-boot:run}: the demo comes from {@code spring.profiles.default}.
 */
@OwnApplication
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:embedded-default;DB_CLOSE_DELAY=-1",
            "camunda.bpm.generate-unique-process-engine-name=true"
        })
@DirtiesContext
class EmbeddedDefaultTests {

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Test
    void runsTheDemoWhenNoProfileIsGiven() {
        assertThat(environment.getActiveProfiles()).isEmpty();
        assertThat(environment.getDefaultProfiles()).containsExactly("demo");
    }

    @Test
    void theSitesRootOpensThePublicPortal() throws Exception {
        HttpResponse<String> root = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/portal/index.html"));
        HttpResponse<String> webapps = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/camunda/app/tasklist/"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        // the web apps stay where they were (Tasklist sends a visitor on to its own default page)
        assertThat(webapps.statusCode()).isEqualTo(302);
        assertThat(webapps.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).contains("/camunda/app/tasklist/"));
    }

    @Test
    void searchesTheDemoCatalogueWithoutDiacriticsOnH2() {
        Api api = new Api(port);
        var page = api.get("/api/procedures/search?q=XAY DUNG nha o&level=PARTIAL&size=1")
                .body();

        assertThat(page.path("items").get(0).path("code").asText()).isEqualTo("1.009994.H43");
        assertThat(page.path("total").asLong())
                .isEqualTo(page.path("sectors").get(0).path("count").asLong());
        assertThat(api.get("/api/procedures/search?q=1.009994")
                        .body()
                        .path("items")
                        .get(0)
                        .path("score")
                        .asInt())
                .isEqualTo(4);
    }

    @Test
    void filesAndTracksADossierOnTheEmbeddedDefault() {
        Api api = new Api(port);
        assertThat(api.get("/api/procedures?q=giấy phép xây dựng").body()).hasSize(2);

        Api.Reply filed = api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);

        Api.Reply tracked = api.get("/api/tracking/" + filed.text("code"));
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.text("statusLabel")).isEqualTo("Mới đăng ký");
        assertThat(tracked.text("currentStep")).isEqualTo("Đang kiểm tra hồ sơ tại Bộ phận Một cửa");
        assertThat(tracked.text("agencyName")).isEqualTo("Ủy ban nhân dân phường Phan Rang");
    }

    /**
     * The demo signs without any set-up: its own CA made at this start, the chairman's key and the ward's seal (B-B:
     * no timestamp authority in the demo), on H2.
     */
    @Test
    void theDemoSignsAndSealsTheResultWithItsOwnCertificateAuthority() {
        Api api = new Api(port);
        Api.Filed filed = api.fileHousePermitOnline();
        // this application's engine has a name of its own: the officials' steps through its Java API
        step(filed.code(), "pr.tiepnhan", Map.of("receptionDecision", "accept"));
        step(filed.code(), "pr.truongphong", Map.of("specialist", "pr.chuyenvien"));
        step(filed.code(), "pr.chuyenvien", Map.of("appraisalOutcome", "approve"));
        step(filed.code(), "pr.truongphong", Map.of("reviewDecision", "agree"));
        step(filed.code(), "pr.chutich", Map.of("reviewDecision", "agree"));
        step(filed.code(), "pr.vanthu", Map.of("resultNumber", "15/GPXD"));
        Api.Reply verification =
                api.getWithSecret("/api/dossiers/" + filed.code() + "/result/verification", filed.secret());
        assertThat(verification.status()).as(verification.body().toString()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode verdict = verification.body().path("verdict");
        assertThat(verdict.path("signatures").findValuesAsText("signerName"))
                .containsExactly("Lương Văn Nam", "Ủy ban nhân dân phường Phan Rang");
        assertThat(verdict.path("signatures").findValuesAsText("level"))
                .containsExactly("PAdES_BASELINE_B", "PAdES_BASELINE_B");
        for (com.fasterxml.jackson.databind.JsonNode signature : verdict.path("signatures")) {
            assertThat(signature.path("intact").asBoolean()).isTrue();
            assertThat(signature.path("trustedChain").asBoolean()).isTrue();
            assertThat(signature.path("revocation").asText()).isEqualTo("UNKNOWN");
        }
        assertThat(verdict.path("indication").asText()).as(verdict.toString()).isEqualTo("INDETERMINATE");
    }

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    private void step(String code, String official, Map<String, Object> variables) {
        org.camunda.bpm.engine.task.Task task =
                tasks.createTaskQuery().processInstanceBusinessKey(code).singleResult();
        tasks.claim(task.getId(), official);
        identity.setAuthenticatedUserId(official);
        try {
            tasks.complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
