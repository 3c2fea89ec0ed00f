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
    }
}
