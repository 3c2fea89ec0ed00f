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

    /**
     * For a provider that answered {@link Pending}: the signature value once the signer approved ({@link Signed}),
     * {@link Refused} when the signer refused or the request expired, else {@link Pending} again. Providers that
     * always answer at once never get this call.
     */
    default Outcome poll(String reference) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " answers at once; nothing to poll");
    }

    @Override
    default void close() {}

    sealed interface Outcome {}

    record Signed(SignatureValue value) implements Outcome {}

    /** The signature comes later; {@code reference} finds it again (a transaction id, an upload slot). */
    record Pending(String reference) implements Outcome {}

    /** The signer refused, or the request expired before approval: said in Vietnamese and English. */
    record Refused(String vietnamese, String english) implements Outcome {}
}
