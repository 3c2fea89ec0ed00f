package vn.motcua.signing;

import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The benchmark's first signature in a fresh JVM, run as a process of its own: the signer and the key built as the
 * application builds them at startup, then one leader's signature on the given PDF, timed, and its validation, timed.
 * Arguments: {@code T} or {@code LT}, the unsigned PDF, the key file, the timestamp authority's URL, the trust
 * anchor's PEM (the key file's password from {@link TestSigners#PASSWORD}). Prints one line:
 * {@code first-signature level=… build-ms=… sign-ms=… verify-ms=… passed=…}.
 */
public final class FirstSignature {

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        byte[] pdf = Files.readAllBytes(Path.of(args[1]));
        OnlineTSPSource authority = new OnlineTSPSource(args[3]);
        var anchors = SigningConfiguration.certificates(Path.of(args[4]));
        PdfSigner signer = "LT".equals(args[0])
                ? PdfSigner.longTerm(Clock.systemUTC(), authority, anchors)
                : PdfSigner.timestamped(Clock.systemUTC(), authority);
        PdfVerifier verifier = new PdfVerifier(anchors);
        try (KeyProvider key = new Pkcs12KeyProvider(Path.of(args[2]), TestSigners.PASSWORD.toCharArray())) {
            long t1 = System.nanoTime();
            byte[] signed = signer.sign(pdf, SignatureAppearance.person(1, 340, 560, 200, 60), key);
            long t2 = System.nanoTime();
            Verdict verdict = verifier.verify(signed);
            long t3 = System.nanoTime();
            System.out.printf(
                    java.util.Locale.ROOT,
                    "first-signature level=%s build-ms=%.1f sign-ms=%.1f verify-ms=%.1f passed=%s found=%s%n",
                    args[0],
                    (t1 - t0) / 1e6,
                    (t2 - t1) / 1e6,
                    (t3 - t2) / 1e6,
                    verdict.passed(),
                    verdict.signatures().get(0).level());
        }
    }

    private FirstSignature() {}
}
