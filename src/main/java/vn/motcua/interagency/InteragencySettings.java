package vn.motcua.interagency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localAgencies agencies this installation serves: messages to them are delivered in-process
 * @param peers agency code → the installation serving it and that agency's public keys; a peer entry wins over local
 * @param keys agency code → the private key that agency signs with here (from the environment or a file); an agency
 *     served here without one gets a key pair generated for this run only (demo: peers cannot know it)
 * @param deliveryEnabled false pauses sending (rows stay PENDING), e.g. during maintenance of a peer
 * @param poll how often the worker looks for due messages (it is also woken after each send step commits)
 * @param backoffInitial wait after the first failed attempt, doubled after each further one
 * @param backoffMax longest wait between two attempts
 * @param lease how long a node owns a message it is sending; another node may take it over afterwards
 * @param timeout connect and answer time limit of one HTTP attempt
 * @param maxAttempts failed attempts after which a message is given up as DEAD (an operator may retry it)
 * @param maxAge age after which a message not yet delivered is given up as DEAD
 * @param clockSkew how far a peer's clock may be off: a reply dated before the request it answers, by more than
 *     this, is refused as out of order
 * @param peerToken where to get a bearer token for calls to peers (Keycloak mode: client credentials of
 *     {@code motcua-peer}); none on the embedded default
 */
@ConfigurationProperties("motcua.interagency")
record InteragencySettings(
        List<String> localAgencies,
        Map<String, Peer> peers,
        Map<String, OwnKey> keys,
        Boolean deliveryEnabled,
        Duration poll,
        Duration backoffInitial,
        Duration backoffMax,
        Duration lease,
        Duration timeout,
        Integer maxAttempts,
        Duration maxAge,
        Duration clockSkew,
        PeerToken peerToken) {

    /** @param url token endpoint; empty = no token is sent */
    record PeerToken(String url, String clientId, String clientSecret) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param url base URL of the installation, e.g. {@code http://b:8081}
     * @param publicKeys that agency's public keys: the current one, and old ones while they are still accepted
     */
    record Peer(String url, List<PublicKeyEntry> publicKeys) {

        Peer {
            publicKeys = publicKeys == null ? List.of() : List.copyOf(publicKeys);
        }
    }

    /**
     * @param id the key id senders name in {@code X-Motcua-Key-Id}
     * @param key Ed25519 public key, X.509 as PEM or base64
     * @param acceptedUntil after this instant new messages signed with it are refused (rotation); empty = no end.
     *     Stored evidence stays verifiable with the key whatever the date.
     */
    record PublicKeyEntry(String id, String key, Instant acceptedUntil) {}

    /**
     * @param id the key id this agency's messages carry; peers list it with the public key
     * @param privateKey Ed25519 private key, PKCS#8 as PEM or base64 (from the environment)
     * @param privateKeyFile or a PEM file holding it
     */
    record OwnKey(String id, String privateKey, String privateKeyFile) {}

    InteragencySettings {
        localAgencies = localAgencies == null ? List.of() : List.copyOf(localAgencies);
        peers = peers == null ? Map.of() : Map.copyOf(peers);
        keys = keys == null ? Map.of() : Map.copyOf(keys);
        deliveryEnabled = deliveryEnabled == null || deliveryEnabled;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        backoffInitial = backoffInitial == null ? Duration.ofSeconds(2) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofMinutes(10) : backoffMax;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
        maxAttempts = maxAttempts == null ? 50 : maxAttempts;
        maxAge = maxAge == null ? Duration.ofDays(3) : maxAge;
        clockSkew = clockSkew == null ? Duration.ofMinutes(5) : clockSkew;
        peerToken = peerToken == null ? new PeerToken(null, null, null) : peerToken;
    }

    Optional<Peer> peer(String agency) {
        return Optional.ofNullable(peers.get(agency));
    }

    boolean isLocal(String agency) {
        return localAgencies.contains(agency);
    }

    /** Where a message to this agency goes, if anywhere: a peer entry wins over a local agency. */
    boolean isKnown(String agency) {
        return peers.containsKey(agency) || isLocal(agency);
    }

    /** The wait before attempt number {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration wait = backoffInitial;
        for (int i = 1; i < attempts && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }
}
