package vn.motcua.signing;

import java.util.Map;
import java.util.Set;

/** The key providers of the signers this installation knows, by the id configuration gives them. */
public final class Signers implements AutoCloseable {

    private final Map<String, KeyProvider> providers;

    Signers(Map<String, KeyProvider> providers) {
        this.providers = Map.copyOf(providers);
    }

    public KeyProvider get(String id) {
        KeyProvider provider = providers.get(id);
        if (provider == null) {
            throw new IllegalArgumentException(
                    "No signer '" + id + "' is configured (motcua.signing.signers); known: " + providers.keySet());
        }
        return provider;
    }

    public Set<String> ids() {
        return providers.keySet();
    }

    @Override
    public void close() {
        providers.values().forEach(KeyProvider::close);
    }
}
