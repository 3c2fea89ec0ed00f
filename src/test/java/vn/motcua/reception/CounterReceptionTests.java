package vn.motcua.reception;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/** Counter reception files and decides in one transaction: a refused call leaves nothing behind. */
@IntegrationTest
class CounterReceptionTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    @Test
    void acceptedAtTheCounterTheDossierGoesOnWithTheOfficerAsReceiver() {
        Api.Reply reply = receive("pr.tiepnhan", Map.of("decision", "accept"));
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.text("slip")).isEqualTo("giay-tiep-nhan");
        assertThat(reply.text("secret")).isNotBlank();
        String receiver = sql.queryForObject(
                "select completed_by from dossier_step where dossier_code = ? and step_key = 'Task_CheckDossier'",
                String.class,
                reply.text("code"));
        assertThat(receiver).isEqualTo("pr.tiepnhan");
    }

    @Test
    void refusalsOfTheCallStoreNothing() {
        long before = dossiers();
        Api.Reply otherDepartment = receive("tiepnhan", Map.of("decision", "accept"));
        assertThat(otherDepartment.status()).isEqualTo(403);
        assertThat(otherDepartment.text("message")).contains("bộ phận một cửa khác");

        Api.Reply noNote = receive("pr.tiepnhan", Map.of("decision", "refuse"));
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.text("message")).isEqualTo("Vui lòng ghi lý do từ chối tiếp nhận hồ sơ.");

        Api.Reply citizen = receive("congdan", Map.of("decision", "accept"));
        assertThat(citizen.status()).isEqualTo(403);
        assertThat(dossiers()).isEqualTo(before);
    }

    private Api.Reply receive(String user, Map<String, Object> decision) {
        Map<String, Object> dossier = new HashMap<>(Api.housePermitRequest("COUNTER"));
        dossier.put("receivedComponents", List.of("DON", "QSDD", "BANVE"));
        MultiValueMap<String, Object> parts = Api.multipart(dossier, Map.of());
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("decision", new HttpEntity<>(decision, json));
        return api.post("/api/counter/dossiers", user, parts);
    }

    private long dossiers() {
        return sql.queryForObject("select count(*) from dossier", Long.class);
    }
}
