package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.DSSException;
import eu.europa.esig.dss.model.ToBeSigned;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.token.DSSPrivateKeyEntry;
import eu.europa.esig.dss.token.KSPrivateKeyEntry;
import eu.europa.esig.dss.token.Pkcs11SignatureToken;
import eu.europa.esig.dss.token.PrefilledPasswordCallback;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore.PasswordProtection;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A key on a PKCS#11 token on the server (the organisation's seal on a USB token or an HSM; SoftHSM2 in tests), found
 * by its label (the key store alias), on the slot with the given id or on the token with the given label. The PIN is
 * checked once, when the provider is made: a wrong one is refused then, before anything is signed, and is not retried
 * (a token locks after a few wrong PINs). SunPKCS11 shows a key only when a certificate with the same CKA_ID is on the
 * token; the chain is what the token holds (write the CA certificates too).
 */
final class Pkcs11KeyProvider implements KeyProvider {

    private final Pkcs11SignatureToken token;
    private final DSSPrivateKeyEntry key;

    /** Exactly one of {@code slot} and {@code tokenLabel}; {@code alias} may be null when the token holds one key. */
    Pkcs11KeyProvider(Path library, Long slot, String tokenLabel, char[] pin, String alias) {
        if (!Files.isReadable(library)) {
            throw new IllegalStateException("The PKCS#11 library " + library + " does not exist or cannot be read");
        }
        if ((slot == null) == (tokenLabel == null)) {
            throw new IllegalArgumentException("A PKCS#11 token needs either its slot or its token label, not both");
        }
        String where = tokenLabel != null ? "token '" + tokenLabel + "'" : "slot " + slot;
        PasswordProtection protection = new PasswordProtection(pin);
        token = tokenLabel != null
                ? new Pkcs11SignatureToken(
                        library.toString(),
                        new PrefilledPasswordCallback(protection),
                        -1,
                        slotListIndex(library, tokenLabel),
                        null)
                : new Pkcs11SignatureToken(
                        // a slot id is an unsigned 32-bit number (SoftHSM2's often exceed an int): given as
                        // configuration
                        library.toString(), new PrefilledPasswordCallback(protection), -1, -1, "slot = " + slot);
        try {
            key = find(token, alias, where);
        } catch (RuntimeException e) {
            token.close();
            if (wrongPin(e)) {
                throw new SigningRefused(
                        "Mã PIN của thiết bị ký (" + where + ") không đúng; không thể ký.",
                        "The PIN of the signing token (" + where + ") is wrong; it cannot sign.");
            }
            throw e;
        }
    }

    private static DSSPrivateKeyEntry find(Pkcs11SignatureToken token, String alias, String where) {
        List<DSSPrivateKeyEntry> keys = token.getKeys();
        List<String> aliases = keys.stream()
                .map(entry -> entry instanceof KSPrivateKeyEntry ks ? ks.getAlias() : "?")
                .toList();
        if (alias == null) {
            if (keys.size() != 1) {
                throw new IllegalStateException("The PKCS#11 " + where + " holds " + keys.size() + " keys " + aliases
                        + ": name one with pkcs11-key-label");
            }
            return keys.get(0);
        }
        return keys.stream()
                .filter(entry -> entry instanceof KSPrivateKeyEntry ks && alias.equals(ks.getAlias()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The PKCS#11 " + where + " holds no key labelled '" + alias
                        + "' (with a certificate of the same id); it holds " + aliases));
    }

    private static boolean wrongPin(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String message = String.valueOf(cause.getMessage());
            if (message.contains("CKR_PIN_INCORRECT") || message.contains("CKR_PIN_LEN_RANGE")) {
                return true;
            }
            if (cause instanceof javax.security.auth.login.FailedLoginException) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index, among the slots holding a token, of the token with this label. SunPKCS11 takes only a slot id or
     * this index, and the id changes (SoftHSM2 gives a new one at each {@code --init-token}); the label stays. Read
     * through the JDK's PKCS#11 wrapper, which needs
     * {@code --add-exports jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED}.
     */
    static int slotListIndex(Path library, String tokenLabel) {
        try {
            Class<?> pkcs11 = Class.forName("sun.security.pkcs11.wrapper.PKCS11");
            Class<?> initArgs = Class.forName("sun.security.pkcs11.wrapper.CK_C_INITIALIZE_ARGS");
            Object module = pkcs11.getMethod("getInstance", String.class, String.class, initArgs, boolean.class)
                    .invoke(null, library.toString(), "C_GetFunctionList", null, false);
            long[] slots =
                    (long[]) pkcs11.getMethod("C_GetSlotList", boolean.class).invoke(module, true);
            Method tokenInfo = pkcs11.getMethod("C_GetTokenInfo", long.class);
            Field label =
                    Class.forName("sun.security.pkcs11.wrapper.CK_TOKEN_INFO").getField("label");
            List<String> labels = new ArrayList<>();
            for (int i = 0; i < slots.length; i++) {
                String found = new String((char[]) label.get(tokenInfo.invoke(module, slots[i]))).strip();
                if (found.equals(tokenLabel)) {
                    return i;
                }
                labels.add(found);
            }
            throw new IllegalStateException("No PKCS#11 token labelled '" + tokenLabel + "' in " + library
                    + "; the tokens present: " + labels.stream().collect(Collectors.joining("', '", "'", "'")));
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(
                    "Finding a PKCS#11 token by its label needs the JVM option --add-exports "
                            + "jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED (or configure pkcs11-slot)",
                    e);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("Cannot list the tokens of the PKCS#11 library " + library, e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This JVM has no SunPKCS11 wrapper to list the tokens of " + library, e);
        }
    }

    @Override
    public List<CertificateToken> certificateChain() {
        return Certificates.chainOf(key);
    }

    @Override
    public Outcome sign(ToBeSigned data, DigestAlgorithm digest) {
        try {
            return new Signed(token.sign(data, digest, key));
        } catch (DSSException e) {
            throw new IllegalStateException("The PKCS#11 token could not sign (is it still there?)", e);
        }
    }

    @Override
    public void close() {
        token.close();
    }
}
