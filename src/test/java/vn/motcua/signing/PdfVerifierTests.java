package vn.motcua.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.signing.Verdict.Indication;

class PdfVerifierTests {

    private static Signatures signatures;

    @BeforeAll
    static void startTheTestAuthorities() throws IOException {
        signatures = new Signatures();
    }

    @AfterAll
    static void stopThem() {
        signatures.close();
    }

    @Test
    void oneChangedByteFailsBothSignaturesWithAHashFailure() throws IOException {
        byte[] sealed = signatures.signedAndSealed();
        int mark = indexOf(sealed, TestPermit.MARK.getBytes(StandardCharsets.US_ASCII));
        sealed[mark] = 'N';

        Verdict verdict = signatures.verifier.verify(sealed);

        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(verdict.subIndication()).contains("HASH_FAILURE");
        assertThat(verdict.signatures()).hasSize(2).allSatisfy(signature -> {
            assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
            assertThat(signature.intact()).isFalse();
        });
        assertThat(verdict.reasons()).first().satisfies(reason -> {
            assertThat(reason.vietnamese())
                    .isEqualTo("Chữ ký của Nguyễn Văn Lãnh Đạo: Nội dung tệp đã bị thay đổi sau khi ký "
                            + "(giá trị băm không khớp).");
            assertThat(reason.english())
                    .isEqualTo("Signature of Nguyễn Văn Lãnh Đạo: The file was changed after it was signed "
                            + "(the hash does not match).");
        });
    }

    @Test
    void aKeyFromAnotherAuthorityIsNotTrusted() throws IOException {
        TestPki other = new TestPki("Tổ chức chứng thực lạ", "http://127.0.0.1:9/crl/other.crl");
        KeyProvider stranger = signatures.keyFile(other.signer("Lê Văn Lạ", "Công ty Lạ"), "stranger");
        byte[] signed = signatures.signer.sign(TestPermit.pdf(), TestPermit.LEADER, stranger);
        stranger.close();

        Verdict verdict = signatures.verifier.verify(signed);

        assertThat(verdict.indication()).isEqualTo(Indication.INDETERMINATE);
        assertThat(verdict.subIndication()).contains("NO_CERTIFICATE_CHAIN_FOUND");
        assertThat(verdict.signatures()).singleElement().satisfies(signature -> {
            assertThat(signature.signerName()).isEqualTo("Lê Văn Lạ");
            assertThat(signature.intact()).isTrue();
            assertThat(signature.trustedChain()).isFalse();
            assertThat(signature.timestamp()).isPresent();
        });
        assertThat(verdict.reasons())
                .extracting(Verdict.Reason::vietnamese)
                .containsExactly("Chữ ký của Lê Văn Lạ: Chứng thư số của người ký không thuộc tổ chức chứng thực "
                        + "nào được tin cậy.");
    }

    @Test
    void aFileWithoutSignaturesFails() throws IOException {
        Verdict verdict = signatures.verifier.verify(TestPermit.pdf());

        assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_FAILED);
        assertThat(verdict.signatures()).isEmpty();
        assertThat(verdict.reasons()).containsExactly(Reasons.NO_SIGNATURE);
    }

    private static int indexOf(byte[] bytes, byte[] part) {
        outer:
        for (int i = 0; i <= bytes.length - part.length; i++) {
            for (int j = 0; j < part.length; j++) {
                if (bytes[i + j] != part[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
