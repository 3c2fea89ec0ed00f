package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The embedded default of the README's run command (H2, built-in identity seeded from keycloak/, demo catalogue) files
 * and tracks a dossier; only the database file is swapped for an in-memory one.
 */
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
}
