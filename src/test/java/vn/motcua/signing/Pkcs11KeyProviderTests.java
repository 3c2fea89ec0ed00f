package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import vn.motcua.signing.Verdict.Indication;

/**
 * The organisation's seal on a PKCS#11 token: SoftHSM2 (Debian's {@code softhsm2}, with OpenSC's {@code pkcs11-tool})
 * stands in for the USB token or HSM. The test makes the token itself under {@code target/softhsm}, where Surefire
 * points {@code SOFTHSM2_CONF} (the library reads it from the JVM's environment); without SoftHSM2 it fails.
 */
class Pkcs11KeyProviderTests {

    static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    static final String TOKEN = "motcua-seal";
    static final String PIN = "1234";

    private static Signatures signatures;
    private static TestPki.Entity seal;
    private static long slot;

    @TempDir
    Path files;

    @BeforeAll
    static void makeTheToken() throws Exception {
        String conf = System.getenv("SOFTHSM2_CONF");
        assertThat(conf)
                .as("SOFTHSM2_CONF must be set for the test JVM (pom.xml, surefire environmentVariables)")
                .isNotBlank();
        assertThat(LIBRARY).as("SoftHSM2 (apt-get install softhsm2)").isReadable();
        signatures = new Signatures();
        seal = signatures.authorities.pki().signer(Signatures.WARD, Signatures.WARD);

        Path config = Path.of(conf);
        Path tokens = config.resolveSibling("tokens");
        if (Files.exists(tokens)) {
            try (Stream<Path> old = Files.walk(tokens)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(tokens);
        Files.writeString(
                config, "directories.tokendir = " + tokens.toAbsolutePath() + "\nobjectstore.backend = file\n");

        String initialised =
                run("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN, "--so-pin", "5678");
        Matcher reassigned = Pattern.compile("reassigned to slot (\\d+)").matcher(initialised);
        assertThat(reassigned.find()).as(initialised).isTrue();
        slot = Long.parseLong(reassigned.group(1));

        Path work = config.resolveSibling("import");
        Files.createDirectories(work);
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(new JcaPKCS8Generator(seal.keys().getPrivate(), null));
        }
        Path key = Files.writeString(work.resolve("seal-key.pem"), pem.toString());
        run(
                "softhsm2-util",
                "--import",
                key.toString(),
                "--token",
                TOKEN,
                "--label",
                "seal",
                "--id",
                "01",
                "--pin",
                PIN);
        Files.delete(key);
        writeCertificate(work, seal.certificate(), "01", "seal");
        writeCertificate(work, seal.root(), "02", "root");
    }

    @AfterAll
    static void stopTheAuthorities() {
        signatures.close();
    }

    @Test
    void theLeaderSignsWithAKeyFileAndTheWardSealsWithTheToken() throws IOException {
        try (KeyProvider token = new Pkcs11KeyProvider(LIBRARY, null, TOKEN, PIN.toCharArray(), "seal")) {
            assertThat(token.certificateChain())
                    .extracting(certificate -> certificate.getCertificate())
                    .containsExactly(seal.certificate(), seal.root());

            byte[] signed = signatures.signer.sign(TestPermit.pdf(), TestPermit.LEADER, signatures.leader);
            byte[] sealed = signatures.signer.sign(signed, TestPermit.SEAL, token);
            Verdict verdict = signatures.verifier.verify(sealed);

            assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
            assertThat(verdict.signatures())
                    .extracting(Verdict.Signature::signerName)
                    .containsExactly(Signatures.LEADER_NAME, Signatures.WARD);
            assertThat(verdict.signatures()).allSatisfy(signature -> {
                assertThat(signature.indication()).isEqualTo(Indication.TOTAL_PASSED);
                assertThat(signature.timestamp()).isPresent();
            });
        }
    }

    @Test
    void aWrongPinIsRefusedBeforeAnythingIsSigned() throws IOException {
        byte[] signed = signatures.signer.sign(TestPermit.pdf(), TestPermit.LEADER, signatures.leader);
        List<byte[]> sealed = new ArrayList<>();

        assertThatThrownBy(() -> {
                    try (KeyProvider token =
                            new Pkcs11KeyProvider(LIBRARY, null, TOKEN, "0000".toCharArray(), "seal")) {
                        sealed.add(signatures.signer.sign(signed, TestPermit.SEAL, token));
                    }
                })
                .isInstanceOfSatisfying(SigningRefused.class, refused -> {
                    assertThat(refused.vietnamese())
                            .isEqualTo("Mã PIN của thiết bị ký (token 'motcua-seal') không đúng; không thể ký.");
                    assertThat(refused.english())
                            .isEqualTo("The PIN of the signing token (token 'motcua-seal') is wrong; it cannot sign.");
                });
        assertThat(sealed).isEmpty();
        assertThat(signatures.verifier.verify(signed).signatures()).hasSize(1);
    }

    @Test
    void aSlotIdFindsTheTokenToo() {
        try (KeyProvider token = new Pkcs11KeyProvider(LIBRARY, slot, null, PIN.toCharArray(), null)) {
            assertThat(token.certificateChain().get(0).getCertificate()).isEqualTo(seal.certificate());
        }
    }

    @Test
    void theConfigurationMakesATokenSigner() throws IOException {
        Path anchors =
                Files.writeString(files.resolve("roots.pem"), DSSUtils.convertToPEM(new CertificateToken(seal.root())));
        application()
                .withPropertyValues(
                        "motcua.signing.tsa-url=" + signatures.authorities.tsaUrl(),
                        "motcua.signing.trust-anchors=" + anchors,
                        "motcua.signing.signers.pr-condau.pkcs11-library=" + LIBRARY,
                        "motcua.signing.signers.pr-condau.pkcs11-token-label=" + TOKEN,
                        "motcua.signing.signers.pr-condau.pkcs11-key-label=seal",
                        "motcua.signing.signers.pr-condau.pin=" + PIN)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    byte[] sealed = context.getBean(PdfSigner.class)
                            .sign(
                                    TestPermit.pdf(),
                                    TestPermit.SEAL,
                                    context.getBean(Signers.class).get("pr-condau"));
                    Verdict verdict = context.getBean(PdfVerifier.class).verify(sealed);
                    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
                    assertThat(verdict.signatures())
                            .singleElement()
                            .extracting(Verdict.Signature::signerName)
                            .isEqualTo(Signatures.WARD);
                });
    }

    @Test
    void aSignerWithBothKindsOfKeyOrNeitherOrAWrongPinStopsTheStartup() {
        application()
                .withPropertyValues(
                        "motcua.signing.signers.pr-condau.pkcs12-file=/tmp/seal.p12",
                        "motcua.signing.signers.pr-condau.pkcs11-library=" + LIBRARY)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessage("Signer 'pr-condau' needs exactly one key: "
                                + "motcua.signing.signers.pr-condau.pkcs12-file (a key file), "
                                + "motcua.signing.signers.pr-condau.pkcs11-library (a PKCS#11 token), "
                                + "motcua.signing.signers.pr-condau.csc-url (a remote signing service) or "
                                + "motcua.signing.signers.pr-condau.own-machine-certificate (a token on the"
                                + " official's own PC); it has "
                                + "motcua.signing.signers.pr-condau.pkcs12-file and "
                                + "motcua.signing.signers.pr-condau.pkcs11-library"));
        application()
                .withPropertyValues("motcua.signing.signers.pr-condau.pin=" + PIN)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageEndingWith("(a token on the official's own PC); it has none"));
        application()
                .withPropertyValues(
                        "motcua.signing.signers.pr-condau.pkcs11-library=" + LIBRARY,
                        "motcua.signing.signers.pr-condau.pkcs11-token-label=" + TOKEN,
                        "motcua.signing.signers.pr-condau.pkcs11-slot=" + slot,
                        "motcua.signing.signers.pr-condau.pin=" + PIN)
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("exactly one of motcua.signing.signers.pr-condau.pkcs11-slot and"));
        application()
                .withPropertyValues(
                        "motcua.signing.signers.pr-condau.pkcs11-library=" + LIBRARY,
                        "motcua.signing.signers.pr-condau.pkcs11-token-label=" + TOKEN,
                        "motcua.signing.signers.pr-condau.pin=9999")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(SigningRefused.class)
                        .hasMessageContaining("The PIN of the signing token (token 'motcua-seal') is wrong"));
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SigningSettings.class)
    static class Settings {}

    private static ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withBean(Clock.class, Clock::systemUTC)
                .withUserConfiguration(Settings.class, SigningConfiguration.class);
    }

    private static void writeCertificate(Path work, X509Certificate certificate, String id, String label)
            throws IOException, CertificateEncodingException {
        Path der = Files.write(work.resolve(label + ".der"), certificate.getEncoded());
        run(
                "pkcs11-tool",
                "--module",
                LIBRARY.toString(),
                "--token-label",
                TOKEN,
                "--login",
                "--pin",
                PIN,
                "--write-object",
                der.toString(),
                "--type",
                "cert",
                "--id",
                id,
                "--label",
                label);
    }

    /** Runs a SoftHSM2 or OpenSC tool in this JVM's environment (SOFTHSM2_CONF); a missing tool fails the test. */
    private static String run(String... command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            int status = process.waitFor();
            assertThat(status).as(String.join(" ", command) + ": " + output).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        return output;
    }
}
