package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.Api;

/**
 * The harness itself: two installations as two processes on two schemas; a dossier filed on one exists only there and
 * survives a {@code kill -9} of its installation.
 */
class InstallationHarnessTests {

    static Installation a = Installation.named("harness-a", "a");
    static Installation b = Installation.named("harness-b", "b");

    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher LOGS = Installation.logsOnFailure(a, b);

    @BeforeAll
    static void start() {
        Installation.startAll(a, b);
    }

    @AfterAll
    static void stop() {
        a.close();
        b.close();
    }

    @Test
    void twoInstallationsAreSeparateAndADossierSurvivesKillNine() {
        assertThat(a.database()).isNotEqualTo(b.database());
        assertThat(a.port()).isNotEqualTo(b.port());
        assertThat(a.pid())
                .isNotEqualTo(b.pid())
                .isNotEqualTo(ProcessHandle.current().pid());

        Api.Reply filed =
                a.api().fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        String code = filed.text("code");

        assertThat(a.api().get("/api/tracking/" + code).status()).isEqualTo(200);
        assertThat(b.api().get("/api/tracking/" + code).status()).isEqualTo(404);

        long before = a.pid();
        a.kill9();
        assertThat(a.isAlive()).isFalse();
        assertThat(ProcessHandle.of(before)).isEmpty();
        assertThat(a.query("select code from dossier where code = ?", code)).hasSize(1);

        a.restart();
        assertThat(a.pid()).isNotEqualTo(before);
        Api.Reply tracked = a.api().get("/api/tracking/" + code);
        assertThat(tracked.status()).isEqualTo(200);
        assertThat(tracked.text("code")).isEqualTo(code);
        assertThat(b.api().get("/api/tracking/" + code).status()).isEqualTo(404);
    }
}
