package vn.motcua.signing;

import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs PDFs as PAdES. Built with trust anchors, a signature is baseline B-LT (the timestamp, and the CRL or OCSP
 * answers of the chain embedded, so it still validates when the authority is gone) whenever the signer's chain reaches
 * an anchor and its revocation data can be fetched; otherwise B-T (a timestamp from the configured authority), and
 * B-B only when built explicitly without timestamps. Before anything is signed, at any level, the signer's certificate
 * must be valid now and not revoked where its authority answers. Each signature is a new incremental revision, so a
 * person's signature and then the organisation's seal both stay verifiable.
 */
public final class PdfSigner {

    static final DigestAlgorithm DIGEST = DigestAlgorithm.SHA256;
    /** Bytes reserved for the CMS signature: a chain of a few certificates plus the timestamp token fits. */
    private static final int SIGNATURE_SPACE = 24_576;

    /** The levels made here, lowest first. */
    private static final List<SignatureLevel> LEVELS =
            List.of(SignatureLevel.PAdES_BASELINE_B, SignatureLevel.PAdES_BASELINE_T, SignatureLevel.PAdES_BASELINE_LT);

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss xxx");

    private static final Logger log = LoggerFactory.getLogger(PdfSigner.class);

    private final Clock clock;
    private final boolean timestamped;
    private final boolean configured;
    private final boolean anchored;
    private final SignerCheck check;
    private final PAdESService service;

    private PdfSigner(
            Clock clock,
            Optional<TSPSource> timestamps,
            Collection<CertificateToken> trustAnchors,
            boolean configured) {
        this.clock = clock;
        this.timestamped = timestamps.isPresent();
        this.configured = configured;
        this.anchored = !trustAnchors.isEmpty();
        LongTermData data = new LongTermData(trustAnchors);
        check = new SignerCheck(trustAnchors, new SignerRevocation(List.of(data.ocsp, data.crl)));
        service = new PAdESService(data.verifier);
        timestamps.ifPresent(service::setTspSource);
        service.setPdfObjFactory(objectFactory());
    }

    /**
     * PAdES B-LT where the signer's chain reaches one of {@code trustAnchors} and its revocation data can be fetched
     * (DSS fetches it only for trusted chains), else B-T; the timestamp comes from {@code authority}.
     */
    public static PdfSigner longTerm(Clock clock, TSPSource authority, Collection<CertificateToken> trustAnchors) {
        return new PdfSigner(clock, Optional.of(authority), trustAnchors, true);
    }

    /** PAdES B-T: every signature gets a timestamp from {@code authority}. */
    public static PdfSigner timestamped(Clock clock, TSPSource authority) {
        return new PdfSigner(clock, Optional.of(authority), List.of(), true);
    }

    /** PAdES B-B: the signing time is only the signer's claim. Only where configuration asks for it. */
    public static PdfSigner withoutTimestamps(Clock clock) {
        return new PdfSigner(clock, Optional.empty(), List.of(), true);
    }

    /** Neither a timestamp authority nor B-B was configured: the application runs, every signature is refused. */
    static PdfSigner refusing() {
        return new PdfSigner(Clock.systemUTC(), Optional.empty(), List.of(), false);
    }

    /** The level it signs at when the chain allows; {@link PreparedSignature#level()} says what one signature got. */
    public SignatureLevel level() {
        if (!timestamped) {
            return SignatureLevel.PAdES_BASELINE_B;
        }
        return anchored ? SignatureLevel.PAdES_BASELINE_LT : SignatureLevel.PAdES_BASELINE_T;
    }

    /** Signs now with a provider that answers at once; a provider that answers later needs {@link #prepare}. */
    public byte[] sign(byte[] pdf, SignatureAppearance appearance, KeyProvider key) {
        return sign(pdf, appearance, key, SignatureLevel.PAdES_BASELINE_LT);
    }

    /** {@link #sign(byte[], SignatureAppearance, KeyProvider)} at {@code atMost} or the level it signs at if lower. */
    public byte[] sign(byte[] pdf, SignatureAppearance appearance, KeyProvider key, SignatureLevel atMost) {
        PreparedSignature prepared = prepare(pdf, appearance, key.certificateChain(), atMost);
        KeyProvider.Outcome outcome = key.sign(prepared.dataToSign(), DIGEST);
        if (outcome instanceof KeyProvider.Signed signed) {
            return complete(prepared, signed.value());
        }
        throw new IllegalStateException("The key provider answers later (" + outcome
                + "): use prepare, then complete when the signature value arrives");
    }

    /**
     * The data the signer's key must sign, and the level the signature will have; refused if the signer's certificate
     * is not valid now or is revoked.
     */
    public PreparedSignature prepare(byte[] pdf, SignatureAppearance appearance, List<CertificateToken> chain) {
        return prepare(pdf, appearance, chain, SignatureLevel.PAdES_BASELINE_LT);
    }

    /**
     * {@link #prepare(byte[], SignatureAppearance, List)} for a signature at {@code atMost} (B-T for a document that
     * is not kept for years), or at the level it signs at if that is lower.
     */
    public PreparedSignature prepare(
            byte[] pdf, SignatureAppearance appearance, List<CertificateToken> chain, SignatureLevel atMost) {
        if (!configured) {
            throw new IllegalStateException("Signing is not configured: set motcua.signing.tsa-url (PAdES B-T) or, "
                    + "to sign without timestamps (B-B), motcua.signing.allow-without-timestamp=true");
        }
        Instant now = clock.instant();
        SignatureLevel level = check.levelFor(chain, now, lower(level(), atMost));
        PAdESSignatureParameters parameters = parameters(appearance, chain, now, level);
        return new PreparedSignature(
                pdf, appearance, chain, now, level, service.getDataToSign(new InMemoryDocument(pdf), parameters));
    }

    /**
     * The signed PDF: the prepared document with the signature value, its timestamp and, at B-LT, the revocation data
     * embedded. If DSS cannot gather all of that data (the timestamp authority's, which is known only now), the same
     * signature value is kept at B-T rather than lost after the key signed; the verdict tells the level the file has.
     */
    public byte[] complete(PreparedSignature prepared, SignatureValue value) {
        try {
            return assemble(prepared, value, prepared.level());
        } catch (LongTermData.Missing missing) {
            log.info(
                    "{} signs at PAdES B-T, not B-LT: {}",
                    Certificates.commonName(prepared.certificateChain().get(0)),
                    missing.getMessage());
            return assemble(prepared, value, SignatureLevel.PAdES_BASELINE_T);
        }
    }

    /** The lower of two baseline levels (B-B, B-T, B-LT). */
    private static SignatureLevel lower(SignatureLevel a, SignatureLevel b) {
        if (!LEVELS.contains(a) || !LEVELS.contains(b)) {
            throw new IllegalArgumentException("Only PAdES B-B, B-T and B-LT are made here, not " + a + " or " + b);
        }
        return LEVELS.indexOf(a) <= LEVELS.indexOf(b) ? a : b;
    }

    private byte[] assemble(PreparedSignature prepared, SignatureValue value, SignatureLevel level) {
        PAdESSignatureParameters parameters =
                parameters(prepared.appearance(), prepared.certificateChain(), prepared.signingTime(), level);
        DSSDocument signed = service.signDocument(new InMemoryDocument(prepared.document()), parameters, value);
        try (InputStream in = signed.openStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PAdESSignatureParameters parameters(
            SignatureAppearance appearance, List<CertificateToken> chain, Instant signingTime, SignatureLevel level) {
        CertificateToken signer = chain.get(0);
        PAdESSignatureParameters parameters = new PAdESSignatureParameters();
        parameters.setSignatureLevel(level);
        parameters.setDigestAlgorithm(DIGEST);
        parameters.setSigningCertificate(signer);
        parameters.setCertificateChain(chain);
        parameters.bLevel().setSigningDate(Date.from(signingTime));
        parameters.setSigningTimeZone(TimeZone.getTimeZone(VIETNAM));
        parameters.setContentSize(SIGNATURE_SPACE);
        parameters.setSignerName(Certificates.commonName(signer));
        parameters.setReason(
                appearance.kind() == SignatureAppearance.Kind.PERSON ? "Ký duyệt" : "Đóng dấu của cơ quan, tổ chức");
        parameters.setImageParameters(Appearances.image(appearance, signer, SHOWN.format(signingTime.atZone(VIETNAM))));
        return parameters;
    }

    /**
     * Text drawn as PDF text (searchable, sharp at any zoom). The seal is placed over the person's signature on
     * purpose (NĐ 30/2020), so an overlap with an earlier field is not an error.
     */
    private static PdfBoxNativeObjectFactory objectFactory() {
        PdfBoxNativeObjectFactory factory = new SharedFontDrawers();
        PdfSignatureFieldPositionChecker positions = new PdfSignatureFieldPositionChecker();
        positions.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
        factory.setPdfSignatureFieldPositionChecker(positions);
        return factory;
    }
}
