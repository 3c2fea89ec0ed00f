package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A signer's holder in configuration is a person or an organisation, never both. */
class CertificatesFromConfigurationTests {

    @Test
    void aSignerWithBothAPersonAndAnOrganisationStopsTheStartup() {
        SigningSettings settings = new SigningSettings(
                null,
                false,
                List.of(),
                Map.of(
                        "prchutich",
                        new SigningSettings.Signer(
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "pr.chutich",
                                "000.20.43.H43")));

        assertThatThrownBy(() -> new CertificatesFromConfiguration(settings, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Signer 'prchutich' has one holder: motcua.signing.signers.prchutich.person or"
                        + " motcua.signing.signers.prchutich.organisation, not both");
    }
}
