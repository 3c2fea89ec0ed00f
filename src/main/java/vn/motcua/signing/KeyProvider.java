package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import java.util.List;

/**
 * Where one signer's private key is: a key file, a token on the server, a remote signing service or the official's
 * own machine. The signer never hands out the key, only signs the data DSS prepared; a provider that needs a person's
 * approval (remote signing) or a file back (USB token on the official's PC) answers {@link Pending} and the signature
 * is completed later with {@link PdfSigner#complete}.
 */
public interface KeyProvider extends AutoCloseable {

    /** The signer's certificate first, then its issuers as far as the provider knows them. */
    List<CertificateToken> certificateChain();

    Outcome sign(ToBeSigned data, DigestAlgorithm digest);

    @Override
    default void close() {}

    sealed interface Outcome {}

    record Signed(SignatureValue value) implements Outcome {}

    /** The signature comes later; {@code reference} finds it again (a transaction id, an upload slot). */
    record Pending(String reference) implements Outcome {}
}
