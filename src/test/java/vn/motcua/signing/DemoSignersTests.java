package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Two demo nodes on one database (or one node restarted) make the same demo certificates, so each holds the
 * certificate the register has for its holders.
 */
class DemoSignersTests {

    private static final List<DemoSigners.Holder> HOLDERS = List.of(
            new DemoSigners.Holder("pr.chutich", null, "Lương Văn Nam", "Ủy ban nhân dân phường Phan Rang"),
            new DemoSigners.Holder(
                    null, "000.20.43.H43", "Ủy ban nhân dân phường Phan Rang", "Ủy ban nhân dân phường Phan Rang"));

    @Test
    void everyStartMakesTheSameCertificatesForTheSameHolders() {
        Map<String, Object> first = DemoSigners.properties(HOLDERS);
        Map<String, Object> second = DemoSigners.properties(HOLDERS);
        for (String id : List.of("demo1", "demo2")) {
            String prefix = "motcua.signing.signers." + id + ".";
            try (KeyProvider a = key(first, prefix);
                    KeyProvider b = key(second, prefix)) {
                assertThat(a.certificateChain()).isEqualTo(b.certificateChain());
                assertThat(a.certificateChain()).hasSize(2);
            }
        }
        try (KeyProvider chairman = key(first, "motcua.signing.signers.demo1.");
                KeyProvider ward = key(first, "motcua.signing.signers.demo2.")) {
            assertThat(Certificates.commonName(chairman.certificateChain().get(0)))
                    .isEqualTo("Lương Văn Nam");
            assertThat(chairman.certificateChain().get(0).getSerialNumber())
                    .isNotEqualTo(ward.certificateChain().get(0).getSerialNumber());
        }
        assertThat(first.get("motcua.signing.signers.demo1.person")).isEqualTo("pr.chutich");
        assertThat(first.get("motcua.signing.signers.demo2.organisation")).isEqualTo("000.20.43.H43");
    }

    private static KeyProvider key(Map<String, Object> properties, String prefix) {
        return new Pkcs12KeyProvider(
                Path.of((String) properties.get(prefix + "pkcs12-file")),
                ((String) properties.get(prefix + "password")).toCharArray());
    }
}
