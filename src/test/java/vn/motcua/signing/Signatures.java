package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The test CA's two signers of a ward's result, the signers (B-T, and B-LT with the root as trust anchor as an
 * installation configures it) and the verifier.
 */
final class Signatures implements AutoCloseable {

    static final String LEADER_NAME = "Nguyễn Văn Lãnh Đạo";
    static final String WARD = "Ủy ban nhân dân phường Phan Rang";
    private static final char[] PASSWORD = "kiem-thu".toCharArray();

    final TestAuthorities authorities;
    final KeyProvider leader;
    final KeyProvider ward;
    final PdfSigner signer;
    final PdfSigner longTerm;
    final PdfVerifier verifier;
    private final Path keys;

    Signatures() throws IOException {
        authorities = new TestAuthorities();
        keys = Files.createTempDirectory("motcua-signing");
        leader = keyFile(authorities.pki().signer(LEADER_NAME, WARD), "leader");
        ward = keyFile(authorities.pki().signer(WARD, WARD), "ward");
        signer = PdfSigner.timestamped(Clock.systemUTC(), new OnlineTSPSource(authorities.tsaUrl()));
        longTerm = PdfSigner.longTerm(
                Clock.systemUTC(),
                new OnlineTSPSource(authorities.tsaUrl()),
                List.of(new CertificateToken(authorities.pki().root())));
        verifier =
                new PdfVerifier(List.of(new CertificateToken(authorities.pki().root())));
    }

    KeyProvider keyFile(TestPki.Entity entity, String name) {
        return new Pkcs12KeyProvider(TestPki.pkcs12(entity, keys.resolve(name + ".p12"), PASSWORD), PASSWORD);
    }

    /** The permit signed by the leader, then sealed by the ward in a second revision. */
    byte[] signedAndSealed() throws IOException {
        byte[] signed = signer.sign(TestPermit.pdf(), TestPermit.LEADER, leader);
        return signer.sign(signed, TestPermit.SEAL, ward);
    }

    /** The permit signed by the leader, then sealed by the ward, both at B-LT. */
    byte[] signedAndSealedLongTerm() throws IOException {
        byte[] signed = longTerm.sign(TestPermit.pdf(), TestPermit.LEADER, leader);
        return longTerm.sign(signed, TestPermit.SEAL, ward);
    }

    @Override
    public void close() {
        leader.close();
        ward.close();
        authorities.close();
    }
}
