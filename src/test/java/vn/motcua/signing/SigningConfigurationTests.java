package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import vn.motcua.signing.Verdict.Indication;

/** The beans as an installation's configuration makes them: key file, password, TSA and trust anchors. */
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
        Path anchors = Files.writeString(files.resolve("roots.pem"), pem(authorities));
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

    private static String pem(TestAuthorities authorities) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(authorities.pki().root());
        }
        return text.toString();
    }
}
