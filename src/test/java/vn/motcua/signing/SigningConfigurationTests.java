package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import vn.motcua.signing.Verdict.Indication;

/** The beans as an installation's configuration makes them: key file, password, remote signer, TSA and trust anchors. */
class SigningConfigurationTests {

    private static TestAuthorities authorities;

    @TempDir
    Path files;

    @BeforeAll
    static void startTheTestAuthorities() throws IOException {
        authorities = new TestAuthorities();
    }

    @AfterAll
    static void stopThem() {
        authorities.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SigningSettings.class)
    static class Settings {}

    private ApplicationContextRunner application() {
        return new ApplicationContextRunner()
                .withBean(Clock.class, Clock::systemUTC)
                .withUserConfiguration(Settings.class, SigningConfiguration.class);
    }

    @Test
    void aConfiguredSignerSignsAtBLTAndTheConfiguredAnchorsTrustIt() throws IOException {
        Path anchors = Files.writeString(
                files.resolve("roots.pem"),
                DSSUtils.convertToPEM(new CertificateToken(authorities.pki().root())));
        Path key = TestPki.pkcs12(
                authorities.pki().signer(Signatures.LEADER_NAME, Signatures.WARD),
                files.resolve("leader.p12"),
                "mat-khau".toCharArray());

        application()
                .withPropertyValues(
                        "motcua.signing.tsa-url=" + authorities.tsaUrl(),
                        "motcua.signing.trust-anchors=" + anchors,
                        "motcua.signing.signers.pr-chutich.pkcs12-file=" + key,
                        "motcua.signing.signers.pr-chutich.password=mat-khau")
                .run(context -> {
                    PdfSigner signer = context.getBean(PdfSigner.class);
                    Signers signers = context.getBean(Signers.class);
                    assertThat(signer.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
                    assertThat(signers.ids()).containsExactly("pr-chutich");

                    byte[] signed = signer.sign(TestPermit.pdf(), TestPermit.LEADER, signers.get("pr-chutich"));
                    Verdict verdict = context.getBean(PdfVerifier.class).verify(signed);

                    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
                    assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
                        assertThat(signature.signerName()).isEqualTo(Signatures.LEADER_NAME);
                        assertThat(signature.level()).isEqualTo(SignatureLevel.PAdES_BASELINE_LT);
                    });
                });
    }

    @Test
    void withoutATimestampAuthorityNothingIsSignedUnlessBBIsAskedFor() {
        application()
                .run(context -> assertThatThrownBy(() -> context.getBean(PdfSigner.class)
                                .prepare(TestPermit.pdf(), TestPermit.LEADER, List.of()))
                        .hasMessageContaining("motcua.signing.allow-without-timestamp=true"));
        application()
                .withPropertyValues("motcua.signing.allow-without-timestamp=true")
                .run(context -> assertThat(context.getBean(PdfSigner.class).level())
                        .isEqualTo(SignatureLevel.PAdES_BASELINE_B));
    }

    @Test
    void aRemoteSignerIsMadeFromItsUrlCredentialAndClientWithTheSecretFromTheEnvironment() throws Exception {
        String prefix = "motcua.signing.signers.prphochutich.";
        try (TestCscService service = new TestCscService(
                authorities.pki(), CscKeyProviderTests.REMOTE_NAME, Signatures.WARD, Duration.ofMinutes(1))) {
            String[] remote = {
                prefix + "csc-url=" + service.url(),
                prefix + "csc-credential-id=" + TestCscService.CREDENTIAL_ID,
                prefix + "csc-client-id=" + TestCscService.CLIENT_ID
            };
            application()
                    .withPropertyValues(remote)
                    .withInitializer(context -> context.getEnvironment()
                            .getPropertySources()
                            .addFirst(new SystemEnvironmentPropertySource(
                                    "environment",
                                    Map.of("MOTCUA_SIGNING_SIGNERS_PRPHOCHUTICH_CSC_SECRET", TestCscService.SECRET))))
                    .run(context -> {
                        KeyProvider signer = context.getBean(Signers.class).get("prphochutich");
                        assertThat(signer).isInstanceOf(CscKeyProvider.class);
                        assertThat(signer.certificateChain())
                                .extracting(CertificateToken::getCertificate)
                                .containsExactly(
                                        service.certificate(), authorities.pki().root());
                    });
            application()
                    .withPropertyValues(remote)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessage("Signer 'prphochutich' at a remote signing service needs the client's secret "
                                    + "(environment MOTCUA_SIGNING_SIGNERS_PRPHOCHUTICH_CSC_SECRET)"));
        }
    }

    @Test
    void aRemoteSignerNeedsItsCredentialAndClientAndNoOtherKind() {
        String prefix = "motcua.signing.signers.prphochutich.";
        application()
                .withPropertyValues(prefix + "csc-url=https://ky-so.example.vn/csc/v2", prefix + "csc-secret=x")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessage("Signer 'prphochutich' at a remote signing service needs " + prefix
                                + "csc-credential-id, " + prefix + "csc-client-id"));
        application()
                .withPropertyValues(
                        prefix + "csc-url=https://ky-so.example.vn/csc/v2",
                        prefix + "pkcs12-file=/etc/motcua/keys/prphochutich.p12")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageEndingWith("(a token on the official's own PC); it has " + prefix
                                + "pkcs12-file and " + prefix + "csc-url"));
        application()
                .withPropertyValues(prefix + "csc-client-id=motcua")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageEndingWith("(a token on the official's own PC); it has none"));
    }
}
