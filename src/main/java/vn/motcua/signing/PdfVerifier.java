package vn.motcua.signing;

import eu.europa.esig.dss.diagnostic.CertificateRevocationWrapper;
import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.SubIndication;
import eu.europa.esig.dss.jaxb.object.Message;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.motcua.signing.Verdict.Indication;
import vn.motcua.signing.Verdict.Reason;
import vn.motcua.signing.Verdict.Revocation;

/**
 * Validates every signature of a PDF with DSS's default policy against the configured trust anchors (Vietnamese roots
 * are not in the EU trusted lists, documents.md §1), fetching CRL and OCSP data where the certificates point to it.
 */
public final class PdfVerifier {

    private final CommonTrustedCertificateSource anchors = new CommonTrustedCertificateSource();

    public PdfVerifier(Collection<CertificateToken> trustAnchors) {
        trustAnchors.forEach(anchors::addCertificate);
    }

    public Verdict verify(byte[] pdf) {
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
        validator.setCertificateVerifier(certificateVerifier());
        Reports reports = validator.validateDocument();
        SimpleReport simple = reports.getSimpleReport();
        DiagnosticData diagnostic = reports.getDiagnosticData();
        List<Verdict.Signature> signatures = new ArrayList<>();
        for (String id : simple.getSignatureIdList()) {
            signatures.add(signature(id, simple, diagnostic.getSignatureById(id)));
        }
        if (signatures.isEmpty()) {
            return new Verdict(Indication.TOTAL_FAILED, Optional.empty(), List.of(), List.of(Reasons.NO_SIGNATURE));
        }
        Verdict.Signature worst = signatures.stream()
                .max(Comparator.comparing(Verdict.Signature::indication))
                .orElseThrow();
        List<Reason> reasons = new ArrayList<>();
        for (Verdict.Signature signature : signatures) {
            for (Reason reason : signature.reasons()) {
                reasons.add(new Reason(
                        "Chữ ký của " + signature.signerName() + ": " + reason.vietnamese(),
                        "Signature of " + signature.signerName() + ": " + reason.english()));
            }
        }
        return new Verdict(worst.indication(), worst.subIndication(), signatures, reasons);
    }

    private CommonCertificateVerifier certificateVerifier() {
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(anchors);
        verifier.setCrlSource(new OnlineCRLSource());
        verifier.setOcspSource(new OnlineOCSPSource());
        return verifier;
    }

    private static Verdict.Signature signature(String id, SimpleReport simple, SignatureWrapper signature) {
        Indication indication = Indication.valueOf(simple.getIndication(id).name());
        Optional<SubIndication> sub = Optional.ofNullable(simple.getSubIndication(id));
        CertificateWrapper signer = signature.getSigningCertificate();
        Optional<String> organisation = Optional.ofNullable(signer == null ? null : signer.getOrganizationName());
        String name = signer != null ? signer.getCommonName() : simple.getSignedBy(id);
        return new Verdict.Signature(
                id,
                name,
                organisation,
                signature.getClaimedSigningTime().toInstant(),
                signature.getSignatureTimestamps().stream()
                        .map(TimestampWrapper::getProductionTime)
                        .map(java.util.Date::toInstant)
                        .min(Comparator.naturalOrder()),
                intact(signature),
                signature.isTrustedChain(),
                revocation(signer),
                signature.getSignatureFormat(),
                indication,
                sub.map(Enum::name),
                sub.map(Reasons::of).map(List::of).orElse(List.of()),
                simple.getAdESValidationErrors(id).stream()
                        .map(Message::getValue)
                        .toList());
    }

    private static boolean intact(SignatureWrapper signature) {
        return signature.isSignatureIntact()
                && signature.getDigestMatchers().stream()
                        .allMatch(digest -> digest.isDataFound() && digest.isDataIntact());
    }

    private static Revocation revocation(CertificateWrapper signer) {
        if (signer == null) {
            return Revocation.UNKNOWN;
        }
        List<CertificateRevocationWrapper> data = signer.getCertificateRevocationData();
        if (data.stream().anyMatch(CertificateRevocationWrapper::isRevoked)) {
            return Revocation.REVOKED;
        }
        return data.stream().anyMatch(CertificateRevocationWrapper::isKnown) ? Revocation.GOOD : Revocation.UNKNOWN;
    }
}
