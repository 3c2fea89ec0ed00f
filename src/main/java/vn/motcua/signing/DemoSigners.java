package vn.motcua.signing;

import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.DSSUtils;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;

/**
 * The embedded demo signs its results without any set-up: when profile {@code demo} runs with no signer configured
 * and {@code motcua.signing.demo-holders} lists holders, a demo certificate authority ("không có giá trị pháp lý")
 * and one key file per holder are written to a temporary directory at start; they are configured as ordinary key-file
 * signers, the root as the trust anchor, and signatures as B-B (no timestamp authority in the demo). The keys and
 * certificates are derived from the holders' names (a seeded generator, fixed serials and dates), so every node and
 * every start of a demo makes the same ones: two demo nodes on one database seal with the certificate the register
 * holds, and a restart registers nothing new. Their private keys are therefore known to anyone who reads this code:
 * demo only. Never in production: a configured signer, or a start without {@code demo}, leaves the settings untouched.
 */
public class DemoSigners implements EnvironmentPostProcessor, Ordered {

    /** One demo holder: a person (user id) or an organisation (agency code), and the names on its certificate. */
    public record Holder(String person, String organisation, String name, String organisationName) {}

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2040-01-01T00:00:00Z");
    private static final Instant ROOT_UNTIL = Instant.parse("2045-01-01T00:00:00Z");

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        Binder binder = Binder.get(environment);
        boolean configured = !binder.bind("motcua.signing.signers", Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of())
                .isEmpty();
        List<Holder> holders = binder.bind("motcua.signing.demo-holders", Bindable.listOf(Holder.class))
                .orElse(List.of());
        if (configured || holders.isEmpty()) {
            return;
        }
        environment.getPropertySources().addFirst(new MapPropertySource("demo-signers", properties(holders)));
    }

    static Map<String, Object> properties(List<Holder> holders) {
        try {
            Path dir = Files.createTempDirectory("motcua-demo-signers");
            dir.toFile().deleteOnExit();
            KeyPair rootKeys = rsa("root");
            X500Name rootName = name("Một Cửa – CA thử nghiệm (không có giá trị pháp lý)", "Một Cửa");
            X509Certificate root = certificate(rootName, rootName, rootKeys.getPrivate(), rootKeys, true);
            Path anchor = dir.resolve("root.pem");
            Files.writeString(anchor, DSSUtils.convertToPEM(new CertificateToken(root)), StandardCharsets.US_ASCII);
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("motcua.signing.allow-without-timestamp", "true");
            values.put("motcua.signing.trust-anchors[0]", anchor.toString());
            char[] password = HexFormat.of()
                    .formatHex(new SecureRandom().generateSeed(12))
                    .toCharArray();
            int index = 0;
            for (Holder holder : holders) {
                String id = "demo" + (++index);
                KeyPair keys = rsa(holder.name() + "/" + holder.organisationName());
                X509Certificate certificate = certificate(
                        name(holder.name(), holder.organisationName()), rootName, rootKeys.getPrivate(), keys, false);
                Path file = dir.resolve(id + ".p12");
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry("signer", keys.getPrivate(), password, new Certificate[] {certificate, root});
                try (OutputStream out = Files.newOutputStream(file)) {
                    store.store(out, password);
                }
                String prefix = "motcua.signing.signers." + id + ".";
                values.put(prefix + "pkcs12-file", file.toString());
                values.put(prefix + "password", new String(password));
                if (holder.person() != null) {
                    values.put(prefix + "person", holder.person());
                } else {
                    values.put(prefix + "organisation", holder.organisation());
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("The demo signers cannot be made", e);
        }
    }

    private static X509Certificate certificate(
            X500Name subject, X500Name issuer, PrivateKey issuerKey, KeyPair keys, boolean authority)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                issuer,
                new BigInteger(
                                1,
                                java.security.MessageDigest.getInstance("SHA-256")
                                        .digest(subject.getEncoded()))
                        .shiftRight(193),
                Date.from(FROM),
                Date.from(authority ? ROOT_UNTIL : UNTIL),
                subject,
                keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
        builder.addExtension(
                Extension.keyUsage,
                true,
                new KeyUsage(
                        authority
                                ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                                : KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey)));
    }

    private static X500Name name(String commonName, String organisation) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "VN")
                .addRDN(BCStyle.O, organisation)
                .addRDN(BCStyle.CN, commonName)
                .build();
    }

    /** The same key pair for the same name on every node and at every start (SHA1PRNG seeded before first use). */
    private static KeyPair rsa(String name) throws GeneralSecurityException {
        SecureRandom seeded = SecureRandom.getInstance("SHA1PRNG", "SUN");
        seeded.setSeed(("motcua-demo-ca/" + name).getBytes(StandardCharsets.UTF_8));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, seeded);
        return generator.generateKeyPair();
    }
}
