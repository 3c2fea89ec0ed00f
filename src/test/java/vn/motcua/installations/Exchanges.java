package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.awaitility.core.ConditionFactory;
import vn.motcua.Api;

/** What the tests across installations look at: the operations view, signatures, and waiting without timing. */
final class Exchanges {

    static final String ADMIN = "admin";

    private Exchanges() {}

    /** The installation's handoffs of one dossier, {@code OUT} or {@code IN}, from its operations API. */
    static List<JsonNode> handoffs(Installation installation, String direction, String code) {
        Api.Reply list =
                installation.api().get("/api/interagency/handoffs?direction=" + direction + "&dossier=" + code, ADMIN);
        assertThat(list.status()).as("%s", list.body()).isEqualTo(200);
        List<JsonNode> rows = new ArrayList<>();
        list.body().forEach(rows::add);
        return rows;
    }

    /** Generous: the machine is slow and shared; nothing here measures time. */
    static ConditionFactory patiently() {
        return await().atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofSeconds(1))
                .ignoreExceptions();
    }

    /** The value once it is ready, polled {@link #patiently()}. */
    static <T> T patientlyGet(Supplier<T> value, Predicate<T> ready) {
        AtomicReference<T> found = new AtomicReference<>();
        patiently().until(() -> {
            T current = value.get();
            found.set(current);
            return ready.test(current);
        });
        return found.get();
    }

    /**
     * Whether {@code body} carries the Ed25519 signature of the key with that id among {@code installation}'s keys of
     * {@code agency}: checked with the public key alone, as a third party would.
     */
    static boolean signedBy(Installation installation, String agency, String body, String signature, String keyId) {
        for (Installation.AgencyKey key : installation.keysOf(agency)) {
            if (key.id().equals(keyId)) {
                return verifies(key.pair().getPublic(), body, signature);
            }
        }
        return false;
    }

    static boolean verifies(PublicKey key, String body, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(body.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** An Ed25519 signature (base64) as an installation holding that private key makes it. */
    static String sign(PrivateKey key, String body) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(body.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
