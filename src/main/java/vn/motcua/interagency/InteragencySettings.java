package vn.motcua.interagency;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param localAgencies agencies this installation serves: messages to them are delivered in-process
 * @param peers agency code → the installation serving it and that agency's HMAC key; a peer entry wins over local
 * @param ownKey this installation's signing key (from the environment); empty = a random key for this run only
 * @param deliveryEnabled false pauses sending (rows stay PENDING), e.g. during maintenance of a peer
 * @param poll how often the worker looks for due messages (it is also woken after each send step commits)
 * @param backoffInitial wait after the first failed attempt, doubled after each further one
 * @param backoffMax longest wait between two attempts
 * @param lease how long a node owns a message it is sending; another node may take it over afterwards
 * @param timeout connect and answer time limit of one HTTP attempt
 * @param peerToken where to get a bearer token for calls to peers (Keycloak mode: client credentials of
 *     {@code motcua-peer}); none on the embedded default
 */
@ConfigurationProperties("motcua.interagency")
record InteragencySettings(
        List<String> localAgencies,
        Map<String, Peer> peers,
        String ownKey,
        Boolean deliveryEnabled,
        Duration poll,
        Duration backoffInitial,
        Duration backoffMax,
        Duration lease,
        Duration timeout,
        PeerToken peerToken) {

    /** @param url token endpoint; empty = no token is sent */
    record PeerToken(String url, String clientId, String clientSecret) {

        boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    /** @param url base URL of the installation, e.g. {@code http://b:8081} @param key that agency's HMAC key */
    record Peer(String url, String key) {}

    InteragencySettings {
        localAgencies = localAgencies == null ? List.of() : List.copyOf(localAgencies);
        peers = peers == null ? Map.of() : Map.copyOf(peers);
        ownKey = ownKey == null || ownKey.isBlank() ? randomKey() : ownKey;
        deliveryEnabled = deliveryEnabled == null || deliveryEnabled;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        backoffInitial = backoffInitial == null ? Duration.ofSeconds(2) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofMinutes(10) : backoffMax;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        timeout = timeout == null ? Duration.ofSeconds(30) : timeout;
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

    /** The HMAC key of an agency: a peer's own key, or this installation's key for the agencies it serves. */
    Optional<byte[]> keyOf(String agency) {
        return peer(agency)
                .map(Peer::key)
                .or(() -> isLocal(agency) ? Optional.of(ownKey) : Optional.empty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8));
    }

    byte[] ownKeyBytes() {
        return ownKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The wait before attempt number {@code attempts + 1}, after {@code attempts} failed ones. */
    Duration backoff(int attempts) {
        Duration wait = backoffInitial;
        for (int i = 1; i < attempts && wait.compareTo(backoffMax) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(backoffMax) > 0 ? backoffMax : wait;
    }

    /** No key was configured: this run signs with a random one, which peers cannot know. */
    boolean keyGenerated() {
        return ownKey.startsWith(GENERATED);
    }

    private static final String GENERATED = "generated-";

    private static String randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return GENERATED + HexFormat.of().formatHex(bytes);
    }
}
