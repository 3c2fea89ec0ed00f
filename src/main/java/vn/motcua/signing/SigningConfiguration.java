package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signer, the verifier and the signers' key providers, as configuration describes them. */
@Configuration(proxyBeanMethods = false)
class SigningConfiguration {

    /**
     * B-LT where a signer's chain reaches the configured trust anchors and its revocation data is reachable, else
     * B-T, with the configured authority; B-B only when configuration asks for it explicitly.
     */
    @Bean
    PdfSigner pdfSigner(SigningSettings settings) {
        // the real time, not the engine's: the timestamp authority and the certificates' validity know only that one
        Clock clock = Clock.systemUTC();
        if (settings.timestamped()) {
            return PdfSigner.longTerm(clock, new OnlineTSPSource(settings.tsaUrl()), trustAnchors(settings));
        }
        if (settings.allowWithoutTimestamp()) {
            return PdfSigner.withoutTimestamps(clock);
        }
        return PdfSigner.refusing();
    }

    @Bean
    PdfVerifier pdfVerifier(SigningSettings settings) {
        return new PdfVerifier(trustAnchors(settings));
    }

    private static List<CertificateToken> trustAnchors(SigningSettings settings) {
        List<CertificateToken> anchors = new ArrayList<>();
        settings.trustAnchors().forEach(file -> anchors.addAll(certificates(file)));
        return anchors;
    }

    @Bean
    Signers signers(SigningSettings settings) {
        Map<String, KeyProvider> providers = new LinkedHashMap<>();
        settings.signers().forEach((id, signer) -> providers.put(id, keyProvider(id, signer)));
        return new Signers(providers);
    }

    private static KeyProvider keyProvider(String id, SigningSettings.Signer signer) {
        String prefix = "motcua.signing.signers." + id + ".";
        String environment = "MOTCUA_SIGNING_SIGNERS_" + id.toUpperCase(Locale.ROOT);
        List<String> kinds = new ArrayList<>();
        if (signer.pkcs12File() != null) {
            kinds.add(prefix + "pkcs12-file");
        }
        if (signer.pkcs11Library() != null) {
            kinds.add(prefix + "pkcs11-library");
        }
        if (signer.cscUrl() != null) {
            kinds.add(prefix + "csc-url");
        }
        if (signer.ownMachineCertificate() != null) {
            kinds.add(prefix + "own-machine-certificate");
        }
        if (kinds.size() != 1) {
            throw new IllegalStateException("Signer '" + id + "' needs exactly one key: " + prefix
                    + "pkcs12-file (a key file), " + prefix + "pkcs11-library (a PKCS#11 token), " + prefix
                    + "csc-url (a remote signing service) or " + prefix
                    + "own-machine-certificate (a token on the official's own PC); it has "
                    + (kinds.isEmpty() ? "none" : String.join(" and ", kinds)));
        }
        if (signer.ownMachineCertificate() != null) {
            return new OwnMachineKeyProvider(certificates(signer.ownMachineCertificate()));
        }
        if (signer.pkcs12File() != null) {
            return pkcs12(id, signer, environment);
        }
        if (signer.pkcs11Library() != null) {
            return pkcs11(id, signer, prefix, environment);
        }
        return csc(id, signer, prefix, environment);
    }

    private static KeyProvider pkcs12(String id, SigningSettings.Signer signer, String environment) {
        if (signer.password() == null) {
            throw new IllegalStateException(
                    "Signer '" + id + "' needs its key file's password (environment " + environment + "_PASSWORD)");
        }
        return new Pkcs12KeyProvider(signer.pkcs12File(), signer.password().toCharArray());
    }

    private static KeyProvider pkcs11(String id, SigningSettings.Signer signer, String prefix, String environment) {
        if ((signer.pkcs11Slot() == null) == (signer.pkcs11TokenLabel() == null)) {
            throw new IllegalStateException("Signer '" + id + "' needs exactly one of " + prefix + "pkcs11-slot and "
                    + prefix + "pkcs11-token-label, " + (signer.pkcs11Slot() == null ? "it has neither" : "not both"));
        }
        if (signer.pin() == null) {
            throw new IllegalStateException(
                    "Signer '" + id + "' needs its token's PIN (environment " + environment + "_PIN)");
        }
        return new Pkcs11KeyProvider(
                signer.pkcs11Library(),
                signer.pkcs11Slot(),
                signer.pkcs11TokenLabel(),
                signer.pin().toCharArray(),
                signer.pkcs11KeyLabel());
    }

    /** Nothing is asked of the service at startup: it may be down then, and is asked at the first signature. */
    private static KeyProvider csc(String id, SigningSettings.Signer signer, String prefix, String environment) {
        List<String> missing = new ArrayList<>();
        if (signer.cscCredentialId() == null) {
            missing.add(prefix + "csc-credential-id");
        }
        if (signer.cscClientId() == null) {
            missing.add(prefix + "csc-client-id");
        }
        if (signer.cscSecret() == null) {
            missing.add("the client's secret (environment " + environment + "_CSC_SECRET)");
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "Signer '" + id + "' at a remote signing service needs " + String.join(", ", missing));
        }
        return new CscKeyProvider(signer.cscUrl(), signer.cscCredentialId(), signer.cscClientId(), signer.cscSecret());
    }

    static List<CertificateToken> certificates(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(certificate -> new CertificateToken((X509Certificate) certificate))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trust anchors in " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The trust anchors in " + pem + " are not certificates", e);
        }
    }
}
