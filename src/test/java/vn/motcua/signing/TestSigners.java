package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
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
 * {@code target/test-signers/}, made once per test run by the test CA whose RFC 3161 timestamp authority and CRL run
 * over HTTP on localhost for the whole run ({@link #authorities()}; its root is the application's trust anchor).
 * The ward's chairman and the construction department's leader sign the results in person, the ward ({@link #SEAL})
 * and the department seal them; every receiving unit of the demo catalogue (the ward, the department, the provincial
 * service centre, the police and the insurance) seals the slips it issues: these are registered from configuration at
 * startup, for the dossiers' walks. The
 * other key files are for the tests of the register, each a key and certificate of its own, registered by those tests
 * for holders that sign nothing in the walks.
 */
public class TestSigners implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PASSWORD = "it-signer";
    /** The ward's seal, registered at startup for the ward (.organisation). */
    public static final String SEAL = "itseal";
    /** The ward's chairman (pr.chutich), who signs the ward's results in person. */
    public static final String LEADER = "itprchutich";

    static final String WARD_CODE = "000.20.43.H43";

    /** signer id → holder kind and holder, registered from configuration at startup. */
    private static final Map<String, String[]> REGISTERED = Map.of(
            SEAL,
            new String[] {"organisation", WARD_CODE},
            "itsxdseal",
            new String[] {"organisation", "000.00.12.H43"},
            "itttseal",
            new String[] {"organisation", "000.00.01.H43"},
            "itcaseal",
            new String[] {"organisation", "000.61.43.H43"},
            "itbhxhseal",
            new String[] {"organisation", "000.62.00.H43"},
            LEADER,
            new String[] {"person", "pr.chutich"},
            "itsxdlanhdao",
            new String[] {"person", "sxd.lanhdao"});

    private static TestAuthorities authorities;

    /** Trần Minh Đức's key: held by the test, which plays the certificate authority's plugin on his PC. */
    static final String OWN_MACHINE = "itprphochutich";

    /** The construction department's leader's remote signing service (a process of its own, for the whole run). */
    static final String REMOTE = "itsxdlanhdao";

    private static TestCscService remoteSigning;

    /**
     * The key files of this JVM: another test JVM (the benchmark's harness, started by its smoke test) makes a CA of its
     * own and must not overwrite the files the running application signs with.
     */
    private static final Path DIRECTORY = Path.of(
            "target", "test-signers", String.valueOf(ProcessHandle.current().pid()));

    private static final Path ROOT = DIRECTORY.resolve("root.pem");

    private static final Map<String, TestPki.Entity> ENTITIES = make();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test-signers", properties()));
    }

    /**
     * The signing properties of the shared test application: the key files, their holders, the timestamp authority
     * and the trust anchor. The benchmark gives them to its product as command-line arguments.
     */
    public static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        ENTITIES.forEach((id, entity) -> {
            String prefix = "motcua.signing.signers." + id + ".";
            properties.put(prefix + "pkcs12-file", file(id).toAbsolutePath().toString());
            properties.put(prefix + "password", PASSWORD);
        });
        REGISTERED.forEach((id, holder) -> properties.put("motcua.signing.signers." + id + "." + holder[0], holder[1]));
        // the ward's vice-chairman signs on his own PC (a USB token there): the server knows his certificate only
        Path ownMachine = DIRECTORY.resolve(OWN_MACHINE + ".pem");
        try {
            Files.writeString(
                    ownMachine,
                    DSSUtils.convertToPEM(new CertificateToken(
                                    ENTITIES.get(OWN_MACHINE).certificate()))
                            + DSSUtils.convertToPEM(
                                    new CertificateToken(authorities().pki().root())),
                    java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        properties.remove("motcua.signing.signers." + OWN_MACHINE + ".pkcs12-file");
        properties.remove("motcua.signing.signers." + OWN_MACHINE + ".password");
        properties.put(
                "motcua.signing.signers." + OWN_MACHINE + ".own-machine-certificate",
                ownMachine.toAbsolutePath().toString());
        properties.put("motcua.signing.signers." + OWN_MACHINE + ".person", "pr.phochutich");
        // the construction department's leader signs remotely, approving on the phone (the CSC test service)
        String remote = "motcua.signing.signers." + REMOTE + ".";
        properties.put(remote + "csc-url", remoteSigning().url().toString());
        properties.put(remote + "csc-credential-id", TestCscService.CREDENTIAL_ID);
        properties.put(remote + "csc-client-id", TestCscService.CLIENT_ID);
        properties.put(remote + "csc-secret", TestCscService.SECRET);
        properties.put("motcua.signing.tsa-url", authorities().tsaUrl());
        properties.put("motcua.signing.trust-anchors[0]", ROOT.toAbsolutePath().toString());
        return properties;
    }

    /** The key file of the signer {@code id} (password {@link #PASSWORD}). */
    public static Path keyFile(String id) {
        return file(id).toAbsolutePath();
    }

    /** The test CA's root as PEM: the trust anchor. */
    public static Path rootPem() {
        return ROOT.toAbsolutePath();
    }

    /** The test CA's RFC 3161 timestamp authority on localhost. */
    public static String tsaUrl() {
        return authorities().tsaUrl();
    }

    /** The certificate in the key file of the signer {@code id}. */
    static X509Certificate certificate(String id) {
        return ENTITIES.get(id).certificate();
    }

    /** Võ Thanh Giang's remote signing service, the test playing his phone; started once per test JVM. */
    static synchronized TestCscService remoteSigning() {
        if (remoteSigning == null) {
            try {
                remoteSigning = new TestCscService(
                        authorities().pki(), "Võ Thanh Giang", "Sở Xây dựng tỉnh Ninh Thuận", Duration.ofMinutes(10));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(remoteSigning::close));
        }
        return remoteSigning;
    }

    /** The test CA and its services behind the application's signatures, started once per test JVM. */
    static synchronized TestAuthorities authorities() {
        if (authorities == null) {
            try {
                authorities = new TestAuthorities();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return authorities;
    }

    private static Map<String, TestPki.Entity> make() {
        TestPki pki = authorities().pki();
        // whole seconds: what a certificate can say
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant from = now.minus(Duration.ofDays(30));
        Instant until = now.plus(Duration.ofDays(400));
        Map<String, TestPki.Entity> entities = new LinkedHashMap<>();
        entities.put(SEAL, pki.signer("Ủy ban nhân dân phường Phan Rang", "Ủy ban nhân dân phường Phan Rang"));
        entities.put("itsxdseal", pki.signer("Sở Xây dựng tỉnh Ninh Thuận", "Sở Xây dựng tỉnh Ninh Thuận"));
        // the other receiving units of the demo catalogue: they seal the slips of the procedures they receive
        entities.put(
                "itttseal",
                pki.signer(
                        "Trung tâm Phục vụ hành chính công tỉnh Ninh Thuận",
                        "Trung tâm Phục vụ hành chính công tỉnh Ninh Thuận"));
        entities.put("itcaseal", pki.signer("Công an phường Phan Rang", "Công an phường Phan Rang"));
        entities.put("itbhxhseal", pki.signer("Bảo hiểm xã hội tỉnh Ninh Thuận", "Bảo hiểm xã hội tỉnh Ninh Thuận"));
        entities.put("itprchutich", pki.signer("Lương Văn Nam", "Ủy ban nhân dân phường Phan Rang"));
        entities.put(OWN_MACHINE, pki.signer("Trần Minh Đức", "Ủy ban nhân dân phường Phan Rang"));
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
            Files.createDirectories(DIRECTORY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        entities.forEach((id, entity) -> TestPki.pkcs12(entity, file(id), PASSWORD.toCharArray()));
        try {
            Files.writeString(
                    ROOT,
                    DSSUtils.convertToPEM(new CertificateToken(pki.root())),
                    java.nio.charset.StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entities;
    }

    static Path file(String id) {
        return DIRECTORY.resolve(id + ".p12");
    }
}
