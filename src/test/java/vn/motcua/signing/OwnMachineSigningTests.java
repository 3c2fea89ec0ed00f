package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/**
 * The ward's vice-chairman signs on his own PC (his USB token never reaches the server): the permit waits for him, he
 * downloads the prepared file, the certificate authority's plugin (played here by DSS with his key) signs it, and the
 * upload is accepted only if it is that file plus his valid signature; then the clerk seals it.
 */
@IntegrationTest
class OwnMachineSigningTests {

    private static final String VICE_CHAIRMAN = "pr.phochutich";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void theFileSignedOnHisPcIsAcceptedOnlyAsPreparedAndThePermitIsThenSealed() throws Exception {
        Api.Filed filed = api.fileHousePermitOnline();
        String code = filed.code();
        api.walkToTheLeader(code);
        api.completeTask(VICE_CHAIRMAN, code, "Task_SignResult", Map.of("reviewDecision", "agree"));

        JsonNode waiting = api.get("/api/signing/requests", VICE_CHAIRMAN).body();
        List<JsonNode> mine = stream(waiting)
                .filter(r -> code.equals(r.path("dossierCode").asText()))
                .toList();
        assertThat(mine).hasSize(1);
        String id = mine.get(0).path("id").asText();
        assertThat(stream(api.get("/api/signing/requests", "pr.chutich").body())
                        .filter(r -> code.equals(r.path("dossierCode").asText())))
                .as("only the one who signs sees it")
                .isEmpty();
        assertThat(api.download("/api/signing/requests/" + id + "/document", "pr.chutich")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<byte[]> prepared = api.download("/api/signing/requests/" + id + "/document", VICE_CHAIRMAN);
        assertThat(prepared.getStatusCode().value()).isEqualTo(200);

        try (KeyProvider key =
                new Pkcs12KeyProvider(TestSigners.file(TestSigners.OWN_MACHINE), TestSigners.PASSWORD.toCharArray())) {
            PdfSigner plugin = PdfSigner.timestamped(
                    Clock.systemUTC(),
                    new OnlineTSPSource(TestSigners.authorities().tsaUrl()));
            byte[] otherContent = plugin.sign(TestPermit.pdf(), TestPermit.LEADER, key);
            Api.Reply refused = upload(id, VICE_CHAIRMAN, otherContent);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body().path("message").asText())
                    .isEqualTo("Không nhận tệp đã ký: " + UploadedSignatures.NOT_THE_PREPARED_FILE.vietnamese());
            assertThat(state(id)).isEqualTo("PENDING");
            assertThat(revisions(code)).isZero();

            byte[] signed = plugin.sign(prepared.getBody(), SignatureAppearance.person(1, 320, 600, 215, 60), key);
            assertThat(upload(id, "pr.chutich", signed).status()).isEqualTo(403);
            Api.Reply accepted = upload(id, VICE_CHAIRMAN, signed);
            assertThat(accepted.status()).as(accepted.body().toString()).isEqualTo(200);
            assertThat(accepted.body().path("revision").asInt()).isEqualTo(1);
            assertThat(accepted.body().path("signers").asText()).isEqualTo("Trần Minh Đức");
            assertThat(state(id)).isEqualTo("SIGNED");
            assertThat(upload(id, VICE_CHAIRMAN, signed).status()).as("once").isEqualTo(409);
        }

        api.completeTask("pr.vanthu", code, "Task_IssueResult", Map.of("resultNumber", "126/GPXD-UBND"));
        JsonNode verdict = api.getWithSecret("/api/dossiers/" + code + "/result/verification", filed.secret())
                .body()
                .path("verdict");
        assertThat(verdict.path("indication").asText()).as(verdict.toString()).isEqualTo("TOTAL_PASSED");
        assertThat(verdict.path("signatures").findValuesAsText("signerName"))
                .containsExactly("Trần Minh Đức", "Ủy ban nhân dân phường Phan Rang");
    }

    private Api.Reply upload(String id, String user, byte[] content) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        parts.add("file", Api.file("da-ky.pdf", content));
        return api.send("POST", "/api/signing/requests/" + id + "/signed", user, Map.of(), parts);
    }

    private String state(String id) {
        return jdbc.queryForObject("select state from signing_request where id = ?", String.class, id);
    }

    private int revisions(String code) {
        return jdbc.queryForObject(
                "select count(*) from signed_document where dossier_code = ? and kind = 'RESULT'", Integer.class, code);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
