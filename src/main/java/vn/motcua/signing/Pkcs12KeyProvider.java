package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs12SignatureToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore.PasswordProtection;
import java.util.List;

/** A PKCS#12 key file holding one signer's key and chain (development, demo, and small offices without a token). */
final class Pkcs12KeyProvider implements KeyProvider {

    private final Pkcs12SignatureToken token;
    private final DSSPrivateKeyEntry key;

    Pkcs12KeyProvider(Path file, char[] password) {
        try {
            token = new Pkcs12SignatureToken(Files.readAllBytes(file), new PasswordProtection(password));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key file " + file, e);
        }
        List<DSSPrivateKeyEntry> keys = token.getKeys();
        if (keys.size() != 1) {
            token.close();
            throw new IllegalArgumentException(
                    "The key file " + file + " must hold exactly one key, it holds " + keys.size());
        }
        key = keys.get(0);
    }

    @Override
    public List<CertificateToken> certificateChain() {
        return Certificates.chainOf(key);
    }

    @Override
    public Outcome sign(ToBeSigned data, DigestAlgorithm digest) {
        return new Signed(token.sign(data, digest, key));
    }

    @Override
    public void close() {
        token.close();
    }
}
