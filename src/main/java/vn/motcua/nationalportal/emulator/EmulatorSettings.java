package vn.motcua.nationalportal.emulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The emulator's command line, {@code key=value} arguments: {@code port} (8099; 0 for any free one), {@code port-file},
 * {@code username}, {@code password}, {@code agencies} (comma-separated electronic codes the portal lets in),
 * {@code catalogue} (a JSON file replacing the built-in one), {@code push-url}, {@code push-token} and
 * {@code session-ttl-seconds}. An unknown key is refused, so a typo does not silently fall back to a default.
 */
record EmulatorSettings(
        int port,
        Optional<Path> portFile,
        String username,
        String password,
        Set<String> agencies,
        Optional<Path> catalogue,
        Optional<URI> pushUrl,
        Optional<String> pushToken,
        Duration sessionTtl) {

    /** Every agency of the demo catalogue (db/demo/V100, V101, and its procedures in db/demo/catalogue.json): the province, its centre, departments and the ward. */
    static final Set<String> DEMO_AGENCIES = Set.of(
            "000.00.00.H43", "000.00.01.H43", "000.00.12.H43", "000.20.43.H43", "000.61.43.H43", "000.62.00.H43");

    private static final Set<String> KEYS = Set.of(
            "port",
            "port-file",
            "username",
            "password",
            "agencies",
            "catalogue",
            "push-url",
            "push-token",
            "session-ttl-seconds");

    static EmulatorSettings parse(String... args) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            if (pair.length != 2 || !KEYS.contains(pair[0])) {
                throw new IllegalArgumentException("Unknown argument " + arg + "; known: " + KEYS);
            }
            given.put(pair[0], pair[1]);
        }
        return new EmulatorSettings(
                Integer.parseInt(given.getOrDefault("port", "8099")),
                optional(given, "port-file").map(Path::of),
                given.getOrDefault("username", "motcua"),
                given.getOrDefault("password", "motcua-demo"),
                optional(given, "agencies").map(EmulatorSettings::codes).orElse(DEMO_AGENCIES),
                optional(given, "catalogue").map(Path::of),
                optional(given, "push-url").map(URI::create),
                optional(given, "push-token"),
                Duration.ofSeconds(Long.parseLong(given.getOrDefault("session-ttl-seconds", "3600"))));
    }

    private static Optional<String> optional(Map<String, String> given, String key) {
        return Optional.ofNullable(given.get(key)).filter(value -> !value.isBlank());
    }

    private static Set<String> codes(String list) {
        Set<String> codes = new LinkedHashSet<>();
        Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(code -> !code.isEmpty())
                .forEach(codes::add);
        return Set.copyOf(codes);
    }
}
