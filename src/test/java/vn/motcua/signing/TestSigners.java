package vn.motcua.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The signers of the shared test application ({@code motcua.signing.signers.*}): PKCS#12 files under
 * {@code target/test-signers/}, made once per test run by the test CA, each a key and certificate of its own, so that
 * each test registers certificates no other test touches. {@link #SEAL} is registered from configuration at startup.
 */
public class TestSigners implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PASSWORD = "it-signer";
    /** The ward's seal, registered at startup for the ward (.organisation). */
    static final String SEAL = "itseal";

    static final String WARD_CODE = "000.20.43.H43";

    private static final Map<String, TestPki.Entity> ENTITIES = make();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Map<String, Object> properties = new LinkedHashMap<>();
        ENTITIES.forEach((id, entity) -> {
            String prefix = "motcua.signing.signers." + id + ".";
            properties.put(prefix + "pkcs12-file", file(id).toAbsolutePath().toString());
            properties.put(prefix + "password", PASSWORD);
        });
        properties.put("motcua.signing.signers." + SEAL + ".organisation", WARD_CODE);
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("test-signers", properties));
    }

    /** The certificate in the key file of the signer {@code id}. */
    static X509Certificate certificate(String id) {
        return ENTITIES.get(id).certificate();
    }

    private static Map<String, TestPki.Entity> make() {
        TestPki pki = new TestPki("Một Cửa Test CA", "http://127.0.0.1:9/crl");
        // whole seconds: what a certificate can say
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofDays(30));
        Instant until = now.plus(Duration.ofDays(400));
        Map<String, TestPki.Entity> entities = new LinkedHashMap<>();
        entities.put(SEAL, pki.signer("Ủy ban nhân dân phường Phan Rang", "Ủy ban nhân dân phường Phan Rang"));
        entities.put("itlanhdao", pki.signer("Trần Thị Lãnh Đạo", "Sở Xây dựng tỉnh Ninh Thuận", from, until));
        entities.put(
                "ittruongphong", pki.signer("Lê Văn Trưởng Phòng", "Ủy ban nhân dân phường Phan Rang", from, until));
        entities.put("itvanthu", pki.signer("Phạm Thị Văn Thư", "Ủy ban nhân dân phường Phan Rang", from, until));
        entities.put("itchutich1", pki.signer("Nguyễn Văn Lãnh Đạo", "Ủy ban nhân dân phường Phan Rang", from, until));
        entities.put(
                "itchutich2",
                pki.signer(
                        "Nguyễn Văn Lãnh Đạo",
                        "Ủy ban nhân dân phường Phan Rang",
                        now,
                        until.plus(Duration.ofDays(365))));
        entities.put("itspare", pki.signer("Võ Văn Dự Phòng", "Ủy ban nhân dân phường Phan Rang", from, until));
        entities.put(
                "itexpired",
                pki.signer(
                        "Đỗ Văn Hết Hạn",
                        "Ủy ban nhân dân phường Phan Rang",
                        now.minus(Duration.ofDays(800)),
                        now.minus(Duration.ofDays(35))));
        try {
            Files.createDirectories(Path.of("target", "test-signers"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entities.forEach((id, entity) -> TestPki.pkcs12(entity, file(id), PASSWORD.toCharArray()));
        return entities;
    }

    private static Path file(String id) {
        return Path.of("target", "test-signers", id + ".p12");
    }
}
