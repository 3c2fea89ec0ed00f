package vn.motcua.signing;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How this installation signs and verifies. {@code tsaUrl}: the RFC 3161 timestamp authority of every signature
 * (PAdES B-T); without it signing is possible only when {@code allowWithoutTimestamp} says so (B-B).
 * {@code trustAnchors}: PEM files of the roots a signature must chain to. {@code signers}: one key provider per signer
 * id, of exactly one kind: a PKCS#12 file ({@code pkcs12File}; its password from the environment,
 * {@code MOTCUA_SIGNING_SIGNERS_<ID>_PASSWORD}), a PKCS#11 token ({@code pkcs11Library}, then {@code pkcs11Slot} or
 * {@code pkcs11TokenLabel}, optionally {@code pkcs11KeyLabel}; its PIN from {@code MOTCUA_SIGNING_SIGNERS_<ID>_PIN}),
 * or a remote signing service in the CSC API shape ({@code cscUrl}, {@code cscCredentialId}, {@code cscClientId}; the
 * client's secret from {@code MOTCUA_SIGNING_SIGNERS_<ID>_CSC_SECRET}), or a token on the official's own PC
 * ({@code ownMachineCertificate}: the PEM of the certificate and its issuers; the official signs the prepared file
 * there and uploads it back). A signer's {@code person} (a user id) or
 * {@code organisation} (an agency code) registers its certificate for that holder at startup, once
 * ({@link CertificatesFromConfiguration}).
 */
@ConfigurationProperties("motcua.signing")
record SigningSettings(
        String tsaUrl,
        @DefaultValue("false") boolean allowWithoutTimestamp,
        @DefaultValue List<Path> trustAnchors,
        @DefaultValue Map<String, Signer> signers) {

    record Signer(
            Path pkcs12File,
            String password,
            Path pkcs11Library,
            Long pkcs11Slot,
            String pkcs11TokenLabel,
            String pkcs11KeyLabel,
            String pin,
            URI cscUrl,
            String cscCredentialId,
            String cscClientId,
            String cscSecret,
            Path ownMachineCertificate,
            String person,
            String organisation) {}

    boolean timestamped() {
        return tsaUrl != null && !tsaUrl.isBlank();
    }
}
