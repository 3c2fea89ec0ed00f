package vn.motcua.bench;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import vn.motcua.signing.DocumentSigning;
import vn.motcua.signing.FirstSignature;
import vn.motcua.signing.KeyProvider;
import vn.motcua.signing.PdfSigner;
import vn.motcua.signing.PdfVerifier;
import vn.motcua.signing.Signers;
import vn.motcua.signing.TestSigners;
import vn.motcua.signing.Verdict;
import vn.motcua.slips.ResultDrafts;

/**
 * The signing phase. One house permit walks the product's model (its result signed and sealed there); then, in each
 * repetition, single-threaded, its result is written unsigned from the template (the baseline), signed by the
 * chairman and sealed by the ward at PAdES B-T (the test CA's timestamp authority over HTTP on localhost) and at B-LT
 * (its CRL and OCSP too, the product's own signer), and both two-signature results are validated. Every result must
 * pass at the level it was made for. Then the first signature in a fresh JVM, at each level, in a process of its own.
 */
final class SigningBench {

    static final String DRAFT = "unsigned result PDF (baseline)";
    static final String[] LEVELS = {"B-T", "B-LT"};
    static final String LEADER = "leader's signature";
    static final String SEAL = "ward's seal";
    static final String RESULT = "result: signature + seal";
    static final String VERIFY = "validation of the two-signature result";
    private static final String NOTE = "Số: 15/GPXD, ngày 01/07/2026";

    /** What one fresh JVM took: building the signer and key, the first signature, its validation. */
    record First(String level, double buildMillis, double signMillis, double verifyMillis, String found) {}

    private final Settings settings;
    private final Report report;
    private final Product product;

    SigningBench(Settings settings, Report report, Product product) {
        this.settings = settings;
        this.report = report;
        this.product = product;
    }

    void run() throws Exception {
        String code = product.file(new Latencies());
        Lifecycle.STEPS.forEach(step -> product.complete(code, step, new Latencies()));
        ResultDrafts drafts = new ResultDrafts(product.context(), code, "pr.chutich");
        Signers signers = product.bean(Signers.class);
        Sides sides = new Sides(
                drafts,
                signers.get(TestSigners.LEADER),
                signers.get(TestSigners.SEAL),
                PdfSigner.timestamped(Clock.systemUTC(), new OnlineTSPSource(TestSigners.tsaUrl())),
                product.bean(PdfSigner.class),
                product.bean(PdfVerifier.class));
        Benchmark.log(
                "signing: %d warm-up then %d measured repetitions on the result of %s",
                settings.signingWarmup(), settings.signingRepetitions(), code);
        Path unsigned = keep(sides.once(new Latencies()));
        for (int i = 1; i < settings.signingWarmup(); i++) {
            sides.once(new Latencies());
        }
        Latencies samples = report.signing();
        for (int rep = 1; rep <= settings.signingRepetitions(); rep++) {
            sides.once(samples);
            if (rep % 50 == 0) {
                Benchmark.log("signing: %d repetitions", rep);
            }
        }
        for (String level : List.of("T", "LT")) {
            report.firstSignature(fresh(level, unsigned));
        }
    }

    /** The unsigned and both signed results of the first repetition, beside the table; answers the unsigned one. */
    private Path keep(byte[][] results) throws IOException {
        report.signedSize("unsigned", results[0].length);
        report.signedSize(LEVELS[0], results[1].length);
        report.signedSize(LEVELS[1], results[2].length);
        Path dir = directory();
        Files.write(dir.resolve("result-b-t.pdf"), results[1]);
        Files.write(dir.resolve("result-b-lt.pdf"), results[2]);
        Benchmark.log("signing: the results of the first repetition are in %s", dir);
        return Files.write(dir.resolve("unsigned-result.pdf"), results[0]);
    }

    private Path directory() throws IOException {
        Path dir = settings.output().resolveSibling("signing");
        Files.createDirectories(dir);
        return dir;
    }

    /** The leader's first signature in a JVM of its own, with the authorities of this one. */
    private static First fresh(String level, Path unsigned) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        FirstSignature.class.getName(),
                        level,
                        unsigned.toString(),
                        TestSigners.keyFile(TestSigners.LEADER).toString(),
                        TestSigners.tsaUrl(),
                        TestSigners.rootPem().toString()))
                .redirectErrorStream(true)
                .start();
        List<String> lines = new ArrayList<>();
        try (var out = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            out.lines().forEach(lines::add);
        }
        if (!child.waitFor(5, TimeUnit.MINUTES) || child.exitValue() != 0) {
            child.destroy();
            throw new IllegalStateException("The fresh JVM's signature failed: " + String.join("\n", lines));
        }
        String line = lines.stream()
                .filter(l -> l.startsWith("first-signature "))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No timing from the fresh JVM: " + lines));
        Benchmark.log("signing, fresh JVM: %s", line);
        java.util.Map<String, String> values = new java.util.HashMap<>();
        for (String pair : line.substring("first-signature ".length()).split(" ")) {
            values.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        if (!"true".equals(values.get("passed"))) {
            throw new IllegalStateException("The fresh JVM's signature did not validate: " + line);
        }
        return new First(
                "B-" + level,
                Double.parseDouble(values.get("build-ms")),
                Double.parseDouble(values.get("sign-ms")),
                Double.parseDouble(values.get("verify-ms")),
                values.get("found"));
    }

    /** The baseline and both levels, timed within one repetition. */
    private record Sides(
            ResultDrafts drafts,
            KeyProvider leader,
            KeyProvider seal,
            PdfSigner timestamped,
            PdfSigner longTerm,
            PdfVerifier verifier) {

        /** The unsigned result, the result at B-T, the result at B-LT. */
        byte[][] once(Latencies samples) {
            ResultDrafts.Draft draft = samples.time(DRAFT, drafts::write);
            byte[] bt = result(timestamped, draft, LEVELS[0], samples);
            byte[] blt = result(longTerm, draft, LEVELS[1], samples);
            check(samples.time(VERIFY + ", " + LEVELS[0], () -> verifier.verify(bt)), SignatureLevel.PAdES_BASELINE_T);
            check(
                    samples.time(VERIFY + ", " + LEVELS[1], () -> verifier.verify(blt)),
                    SignatureLevel.PAdES_BASELINE_LT);
            return new byte[][] {draft.pdf(), bt, blt};
        }

        private byte[] result(PdfSigner signer, ResultDrafts.Draft draft, String level, Latencies samples) {
            long start = System.nanoTime();
            byte[] signed = samples.time(level + " " + LEADER, () -> signer.sign(draft.pdf(), draft.leader(), leader));
            byte[] sealed = samples.time(
                    level + " " + SEAL,
                    () -> signer.sign(signed, DocumentSigning.sealOverLastSignature(signed, NOTE), seal));
            samples.record(level + " " + RESULT, System.nanoTime() - start);
            return sealed;
        }

        private static void check(Verdict verdict, SignatureLevel expected) {
            if (!verdict.passed()
                    || verdict.signatures().size() != 2
                    || verdict.signatures().stream().anyMatch(s -> s.level() != expected)) {
                throw new IllegalStateException("A result signed for " + expected + " validated as "
                        + verdict.indication() + " with "
                        + verdict.signatures().stream()
                                .map(Verdict.Signature::level)
                                .toList() + ": " + verdict.reasons());
            }
        }
    }
}
