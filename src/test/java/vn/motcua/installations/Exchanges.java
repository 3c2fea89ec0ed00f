package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
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

    /** The HMAC-SHA256 (hex) an installation with that key puts on what it sends or acknowledges. */
    static String hmac(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
