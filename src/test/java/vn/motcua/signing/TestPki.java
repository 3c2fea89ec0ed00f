package vn.motcua.signing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made in the test: a root, the certificates it issues (each pointing to the root's CRL at
 * {@code crlUrl} and, when given, to its OCSP responder at {@code ocspUrl}), that CRL, the revocations a test makes,
 * and PKCS#12 files of its signers.
 */
final class TestPki {

    /** A key and its certificate, the root's certificate last in the chain. */
    record Entity(KeyPair keys, X509Certificate certificate, X509Certificate root) {}

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    private final KeyPair rootKeys = rsa();
    private final X509Certificate root;
    private final String crlUrl;
    private final String ocspUrl;
    private final Map<BigInteger, Instant> revocations = new ConcurrentHashMap<>();

    TestPki(String rootName, String crlUrl) {
        this(rootName, crlUrl, null);
    }

    /** {@code ocspUrl}: written in each issued certificate's authority information access, beside the CRL. */
    TestPki(String rootName, String crlUrl, String ocspUrl) {
        this.crlUrl = crlUrl;
        this.ocspUrl = ocspUrl;
        X500Name name = name(rootName, rootName);
        Instant now = Instant.now();
        try {
            root = build(new JcaX509v3CertificateBuilder(
                            name,
                            serial(),
                            date(now.minus(Duration.ofDays(3650))),
                            date(now.plus(Duration.ofDays(3650))),
                            name,
                            rootKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(
                            Extension.subjectKeyIdentifier,
                            false,
                            extensions().createSubjectKeyIdentifier(rootKeys.getPublic())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    X509Certificate root() {
        return root;
    }

    Entity signer(String commonName, String organisation, Instant notBefore, Instant notAfter) {
        return issue(commonName, organisation, notBefore, notAfter, false, true);
    }

    /** A signer whose certificate names no CRL and no OCSP responder: nobody can learn whether it is revoked. */
    Entity signerWithoutRevocationPointers(String commonName, String organisation) {
        Instant now = Instant.now();
        return issue(
                commonName, organisation, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false, false);
    }

    /** From now on the CRL and the OCSP responder say the certificate was revoked at {@code at}. */
    void revoke(X509Certificate certificate, Instant at) {
        revocations.put(certificate.getSerialNumber(), at);
    }

    Optional<Instant> revocation(BigInteger serial) {
        return Optional.ofNullable(revocations.get(serial));
    }

    /** Answers OCSP requests about the certificates this root issued, signed by the root itself (RFC 6960 §4.2.2.2). */
    TestOcspResponder ocspResponder() {
        return new TestOcspResponder(root, rootKeys.getPrivate(), this::revocation);
    }

    Entity signer(String commonName, String organisation) {
        Instant now = Instant.now();
        return signer(commonName, organisation, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)));
    }

    /** A timestamp authority: its extended key usage must be timestamping only, and critical (RFC 3161 §2.3). */
    Entity timestampAuthority() {
        Instant now = Instant.now();
        return issue(
                "Máy chủ cấp dấu thời gian thử nghiệm",
                "Một Cửa",
                now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)),
                true,
                true);
    }

    /** The root's current CRL, listing the certificates revoked by {@link #revoke}. */
    byte[] crl() {
        Instant now = Instant.now();
        X509v2CRLBuilder builder = new X509v2CRLBuilder(
                X500Name.getInstance(root.getSubjectX500Principal().getEncoded()), date(now.minusSeconds(60)));
        builder.setNextUpdate(date(now.plus(Duration.ofDays(7))));
        revocations.forEach((serial, at) -> builder.addCRLEntry(serial, date(at), CRLReason.keyCompromise));
        try {
            return builder.build(signer()).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The entity's key and chain as a PKCS#12 file. */
    static Path pkcs12(Entity entity, Path file, char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("signer", entity.keys().getPrivate(), password, new Certificate[] {
                entity.certificate(), entity.root()
            });
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private Entity issue(
            String commonName,
            String organisation,
            Instant notBefore,
            Instant notAfter,
            boolean tsa,
            boolean revocationPointers) {
        KeyPair keys = rsa();
        try {
            JcaX509ExtensionUtils utils = extensions();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                            root,
                            serial(),
                            date(notBefore),
                            date(notAfter),
                            name(commonName, organisation),
                            keys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(
                            Extension.keyUsage,
                            true,
                            new KeyUsage(
                                    tsa
                                            ? KeyUsage.digitalSignature
                                            : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(root))
                    .addExtension(
                            Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            if (revocationPointers) {
                builder.addExtension(Extension.cRLDistributionPoints, false, crlDistributionPoint());
            }
            if (revocationPointers && ocspUrl != null) {
                builder.addExtension(Extension.authorityInfoAccess, false, ocspAccess());
            }
            if (tsa) {
                builder.addExtension(
                        Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
            }
            return new Entity(keys, build(builder), root);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private CRLDistPoint crlDistributionPoint() {
        GeneralNames names = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crlUrl));
        return new CRLDistPoint(
                new DistributionPoint[] {new DistributionPoint(new DistributionPointName(names), null, null)});
    }

    private AuthorityInformationAccess ocspAccess() {
        return new AuthorityInformationAccess(
                AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier, ocspUrl));
    }

    private X509Certificate build(X509v3CertificateBuilder builder) {
        try {
            X509CertificateHolder holder = builder.build(signer());
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private ContentSigner signer() {
        try {
            return new JcaContentSignerBuilder("SHA256withRSA").build(rootKeys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    private static JcaX509ExtensionUtils extensions() {
        try {
            return new JcaX509ExtensionUtils();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static Date date(Instant instant) {
        return Date.from(instant);
    }
}
