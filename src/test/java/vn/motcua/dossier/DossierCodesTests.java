package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DossierCodesTests {

    @Test
    void formatsTheLegacyCodeOfTheThirdDossierOfTheDay() {
        assertThat(DossierCodes.format("000.00.12.H43", LocalDate.of(2026, 3, 5), 3))
                .isEqualTo("000.00.12.H43-260305-0003");
    }

    @Test
    void keepsCountingPastNineThousandNineHundredNinetyNine() {
        assertThat(DossierCodes.format("000.00.12.H43", LocalDate.of(2026, 3, 5), 10000))
                .isEqualTo("000.00.12.H43-260305-10000");
    }

    @Test
    void masksTheApplicantsNameToInitials() {
        assertThat(Applicant.masked("Nguyễn Văn An")).isEqualTo("N. V. A.");
        assertThat(Applicant.masked("  Đặng   Thị Ánh ")).isEqualTo("Đ. T. Á.");
        // typed decomposed (Ă = A + breve, Ơ = O + horn), across tabs and lines; a letter outside the BMP stays whole
        assertThat(Applicant.masked("A\u0306n\tU\u031b\u0301c\nO\u031b\u0309n")).isEqualTo("Ă. Ứ. Ở.");
        assertThat(Applicant.masked("𠀀ông Lê")).isEqualTo("𠀀. L.");
        assertThat(Applicant.masked(" \t ")).isEmpty();
    }
}
