package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import java.util.Base64;

/**
 * What a remote signer needs to finish a signature it was asked for: the hash the signer approves, its algorithm, and
 * the service's handle of the authorization. Written as text ({@code csc:SHA256:<hash>:<handle>}) into
 * {@link KeyProvider.Pending}, so that whoever waits (a process, a page) keeps it and nothing is lost on a restart.
 */
record CscReference(DigestAlgorithm digest, byte[] hash, String handle) {

    private static final String PREFIX = "csc";

    static CscReference parse(String reference) {
        String[] parts = reference.split(":", 4);
        try {
            if (parts.length == 4 && parts[0].equals(PREFIX) && !parts[3].isEmpty()) {
                return new CscReference(
                        DigestAlgorithm.valueOf(parts[1]), Base64.getDecoder().decode(parts[2]), parts[3]);
            }
        } catch (IllegalArgumentException e) {
            // not ours: said below
        }
        throw new IllegalArgumentException("Not a reference of a remote (CSC) signer: '" + reference
                + "' (expected csc:<digest>:<hash>:<handle>)");
    }

    @Override
    public String toString() {
        return PREFIX + ":" + digest.name() + ":" + Base64.getEncoder().encodeToString(hash) + ":" + handle;
    }
}
