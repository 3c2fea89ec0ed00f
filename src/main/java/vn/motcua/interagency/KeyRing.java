package vn.motcua.interagency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who signs what: the private key of each agency served here (it never leaves this installation), and the public keys
 * of every agency this installation talks to, by key id, with the date until which an old key is still accepted.
 */
@Component
class KeyRing {

    static final String SIGNATURE_HEADER = "X-Motcua-Signature";
    static final String KEY_ID_HEADER = "X-Motcua-Key-Id";

    private static final Logger log = LoggerFactory.getLogger(KeyRing.class);

    /** A signature and the id of the key that made it. */
    record Signed(String keyId, String signature) {}

    /** The outcome of a check: the signature is good, made by an unknown key, by a retired one, or wrong. */
    enum Verdict {
        GOOD,
        UNKNOWN_KEY,
        RETIRED_KEY,
        BAD
    }

    private record Own(String id, PrivateKey privateKey, PublicKey publicKey) {}

    private record Known(PublicKey key, Instant acceptedUntil) {}

    private final Map<String, Own> own = new LinkedHashMap<>();
    private final Map<String, Map<String, Known>> known = new LinkedHashMap<>();
    private final List<String> generated = new ArrayList<>();

    KeyRing(InteragencySettings settings) {
        for (String agency : settings.localAgencies()) {
            InteragencySettings.OwnKey configured = settings.keys().get(agency);
            own.put(agency, configured == null ? generate(agency) : load(agency, configured));
        }
        settings.peers().forEach((agency, peer) -> {
            Map<String, Known> keys = new LinkedHashMap<>();
            for (InteragencySettings.PublicKeyEntry entry : peer.publicKeys()) {
                keys.put(entry.id(), new Known(Ed25519.publicKey(entry.key()), entry.acceptedUntil()));
            }
            known.put(agency, keys);
        });
        own.forEach((agency, key) -> known.putIfAbsent(agency, Map.of(key.id(), new Known(key.publicKey(), null))));
        if (!generated.isEmpty()) {
            log.warn(
                    "No signing key configured for {} (motcua.interagency.keys[<agency>].private-key or"
                            + " private-key-file): a key pair was generated for this run only, peers cannot verify it",
                    generated);
        }
    }

    Signed sign(String agency, byte[] content) {
        Own key = own.get(agency);
        if (key == null) {
            throw new IllegalStateException(
                    "Agency " + agency + " is not served here: this installation holds no key" + " to sign for it");
        }
        return new Signed(key.id(), Ed25519.sign(key.privateKey(), content));
    }

    /** Checks a signature that claims to be {@code agency}'s, made at {@code at} (now, for a message arriving). */
    Verdict verify(String agency, byte[] content, String keyId, String signature, Instant at) {
        Known key = keyId == null ? null : known.getOrDefault(agency, Map.of()).get(keyId.trim());
        if (key == null) {
            return Verdict.UNKNOWN_KEY;
        }
        if (!Ed25519.verify(key.key(), content, signature)) {
            return Verdict.BAD;
        }
        return key.acceptedUntil() != null && at.isAfter(key.acceptedUntil()) ? Verdict.RETIRED_KEY : Verdict.GOOD;
    }

    /** The public keys of the agencies served here, as peers configure them. */
    Map<String, Map<String, String>> ownPublicKeys() {
        Map<String, Map<String, String>> keys = new LinkedHashMap<>();
        own.forEach((agency, key) -> keys.put(agency, Map.of("id", key.id(), "key", Ed25519.text(key.publicKey()))));
        return keys;
    }

    /** Agencies served here that sign with a key generated at start-up (not for production). */
    List<String> generatedKeys() {
        return List.copyOf(generated);
    }

    Optional<String> keyIdOf(String agency) {
        return Optional.ofNullable(own.get(agency)).map(Own::id);
    }

    private Own generate(String agency) {
        generated.add(agency);
        KeyPair pair = Ed25519.generate();
        return new Own(
                "generated-" + UUID.randomUUID().toString().substring(0, 8), pair.getPrivate(), pair.getPublic());
    }

    private static Own load(String agency, InteragencySettings.OwnKey configured) {
        String text = configured.privateKey();
        if ((text == null || text.isBlank()) && configured.privateKeyFile() != null) {
            try {
                text = Files.readString(Path.of(configured.privateKeyFile()));
            } catch (IOException unreadable) {
                throw new UncheckedIOException("motcua.interagency.keys[" + agency + "].private-key-file", unreadable);
            }
        }
        if (text == null
                || text.isBlank()
                || configured.id() == null
                || configured.id().isBlank()) {
            throw new IllegalStateException(
                    "motcua.interagency.keys[" + agency + "] needs an id and a private-key (or" + " private-key-file)");
        }
        PrivateKey privateKey = Ed25519.privateKey(text);
        return new Own(configured.id().trim(), privateKey, Ed25519.publicOf(privateKey));
    }
}
