package vn.motcua.interagency;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Signing as an agency served here and checking peers' signatures by key id, through a rotation. */
class KeyRingTests {

    static final String COMMUNE = "000.20.43.H43";
    static final String POLICE = "000.61.43.H43";
    static final Instant ROTATED = Instant.parse("2026-12-31T17:00:00Z");
    static final byte[] ENVELOPE = "{\"messageId\":\"m-1\"}".getBytes(StandardCharsets.UTF_8);

    final KeyPair oldPolice = Ed25519.generate();
    final KeyPair newPolice = Ed25519.generate();

    @Test
    void theDerivedPublicKeyIsTheOneOpenSslWrote() {
        // a pair made by `openssl genpkey -algorithm ed25519` (test key of application-it.yaml)
        assertThat(Ed25519.text(Ed25519.publicOf(
                        Ed25519.privateKey("MC4CAQAwBQYDK2VwBCIEIJ9Kj0QzFNvvsj2t2lJEaOXsgNZ8zlNTSJqHnIb8U9kC"))))
                .isEqualTo("MCowBQYDK2VwAyEA/+zyanO5iJJUvZa+g9iPdBW6TMjuBBznCeVEKiQ9a2g=");
    }

    @Test
    void anOldKeyIsAcceptedUntilItsDateAndItsMessagesStayVerifiable() {
        KeyRing ring = ringWithPolice();
        String signedBefore = Ed25519.sign(oldPolice.getPrivate(), ENVELOPE);

        assertThat(ring.verify(POLICE, ENVELOPE, "ca-2025", signedBefore, ROTATED.minusSeconds(1)))
                .isEqualTo(KeyRing.Verdict.GOOD);
        assertThat(ring.verify(POLICE, ENVELOPE, "ca-2025", signedBefore, ROTATED.plusSeconds(1)))
                .isEqualTo(KeyRing.Verdict.RETIRED_KEY);
        // evidence kept from before the rotation is checked with the public key alone, whatever the date
        assertThat(Ed25519.verify(oldPolice.getPublic(), ENVELOPE, signedBefore))
                .isTrue();
        String signedAfter = Ed25519.sign(newPolice.getPrivate(), ENVELOPE);
        assertThat(ring.verify(POLICE, ENVELOPE, "ca-2026", signedAfter, ROTATED.plusSeconds(1)))
                .isEqualTo(KeyRing.Verdict.GOOD);
    }

    @Test
    void aSignatureByAnotherKeyUnderAnAgencysKeyIdIsBad() {
        KeyRing ring = ringWithPolice();
        String forged = Ed25519.sign(Ed25519.generate().getPrivate(), ENVELOPE);

        assertThat(ring.verify(POLICE, ENVELOPE, "ca-2026", forged, Instant.now()))
                .isEqualTo(KeyRing.Verdict.BAD);
        assertThat(ring.verify(POLICE, ENVELOPE, "no-such-key", forged, Instant.now()))
                .isEqualTo(KeyRing.Verdict.UNKNOWN_KEY);
        assertThat(ring.verify(POLICE, ENVELOPE, "ca-2026", null, Instant.now()))
                .isEqualTo(KeyRing.Verdict.BAD);
    }

    @Test
    void anAgencyServedHereSignsWithItsConfiguredKeyAndOthersWithAGeneratedOne() {
        KeyPair commune = Ed25519.generate();
        KeyRing ring = new KeyRing(settings(
                List.of(COMMUNE, "000.00.12.H43"),
                Map.of(COMMUNE, new InteragencySettings.OwnKey("ubnd-1", Ed25519.textOf(commune), null)),
                Map.of()));

        KeyRing.Signed signed = ring.sign(COMMUNE, ENVELOPE);

        assertThat(signed.keyId()).isEqualTo("ubnd-1");
        assertThat(Ed25519.verify(commune.getPublic(), ENVELOPE, signed.signature()))
                .isTrue();
        assertThat(ring.generatedKeys()).containsExactly("000.00.12.H43");
        assertThat(ring.ownPublicKeys().get(COMMUNE)).containsEntry("key", Ed25519.text(commune.getPublic()));
    }

    private KeyRing ringWithPolice() {
        return new KeyRing(settings(
                List.of(COMMUNE),
                Map.of(),
                Map.of(
                        POLICE,
                        new InteragencySettings.Peer(
                                "http://b:8081",
                                List.of(
                                        new InteragencySettings.PublicKeyEntry(
                                                "ca-2026", Ed25519.text(newPolice.getPublic()), null),
                                        new InteragencySettings.PublicKeyEntry(
                                                "ca-2025", Ed25519.text(oldPolice.getPublic()), ROTATED))))));
    }

    private static InteragencySettings settings(
            List<String> local,
            Map<String, InteragencySettings.OwnKey> keys,
            Map<String, InteragencySettings.Peer> peers) {
        return new InteragencySettings(local, peers, keys, null, null, null, null, null, null, null, null, null, null);
    }
}
