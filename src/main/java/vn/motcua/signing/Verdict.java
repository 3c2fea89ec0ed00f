package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What validating a signed PDF found, for anyone to read: the overall indication (ETSI EN 319 102-1, as DSS reports
 * it), and for each signature who signed, for which organisation, when, with which timestamp, whether the signed
 * bytes are intact, whether the certificate chains to a trust anchor, the revocation state, and the PAdES level DSS
 * found (B-B, B-T, B-LT, B-LTA); reasons in Vietnamese and English.
 */
public record Verdict(
        Indication indication, Optional<String> subIndication, List<Signature> signatures, List<Reason> reasons) {

    public enum Indication {
        TOTAL_PASSED,
        INDETERMINATE,
        TOTAL_FAILED
    }

    public enum Revocation {
        /** The signer's certificate was found not revoked in revocation data. */
        GOOD,
        REVOKED,
        /** No revocation data was found or could be fetched. */
        UNKNOWN
    }

    public record Reason(String vietnamese, String english) {}

    public record Signature(
            String id,
            String signerName,
            Optional<String> organisation,
            Instant signingTime,
            Optional<Instant> timestamp,
            boolean intact,
            boolean trustedChain,
            Revocation revocation,
            SignatureLevel level,
            Indication indication,
            Optional<String> subIndication,
            List<Reason> reasons,
            List<String> details) {}

    public Verdict {
        signatures = List.copyOf(signatures);
        reasons = List.copyOf(reasons);
    }

    public boolean passed() {
        return indication == Indication.TOTAL_PASSED;
    }
}
