package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.signing.SignedDocuments;

/**
 * Production shape: with Keycloak tokens, the ward's officials walk a house permit to its signed and sealed result; the
 * citizen who filed it, logged in (no secret), downloads the stored result; anyone verifies it; another citizen may
 * not download it.
 */
@KeycloakTest
class SignedResultKeycloakTests {

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        KeycloakServer keycloak = KeycloakServer.get();
        api = new Api(port, user -> "Bearer " + keycloak.token(user));
    }

    @Test
    void theFilerDownloadsTheSealedResultAndItVerifiesAsPassed() {
        String code = api.fileHousePermitOnline().code();
        api.returnHousePermit(code);

        ResponseEntity<byte[]> result = api.download("/api/dossiers/" + code + "/result", "congdan");
        assertThat(result.getStatusCode().value()).isEqualTo(200);
        byte[] pdf = result.getBody();
        assertThat(result.getHeaders().getFirst("X-Motcua-SHA256")).isEqualTo(SignedDocuments.sha256(pdf));
        assertThat(api.download("/api/dossiers/" + code + "/result", "congdan2")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", Api.file("giay-phep.pdf", pdf));
        Api.Reply checked = new Api(port).send("POST", "/api/verification", null, Map.of(), parts);
        assertThat(checked.status()).isEqualTo(200);
        JsonNode verdict = checked.body().path("verdict");
        assertThat(verdict.path("indication").asText()).as(verdict.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(verdict.path("signatures").findValuesAsText("signerName"))
                .containsExactly("Lương Văn Nam", "Ủy ban nhân dân phường Phan Rang");
        assertThat(verdict.path("signatures").findValuesAsText("level"))
                .containsExactly("PAdES_BASELINE_LT", "PAdES_BASELINE_LT");
    }
}
