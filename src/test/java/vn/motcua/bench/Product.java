package vn.motcua.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.motcua.Api;
import vn.motcua.MotCuaApplication;
import vn.motcua.signing.TestSigners;

/**
 * The product: the whole application started in this JVM on a random port (profiles mariadb + bench, its own
 * database), driven over HTTP exactly as outside clients do: filing as a citizen, then for each step the right
 * department's official lists the dossier's tasks by business key, claims and completes through /engine-rest, and
 * the public tracking page is read after every step. It signs its results with the test CA ({@link TestSigners}).
 */
final class Product implements Lifecycle.Driver, AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final Api api;
    private final java.util.concurrent.atomic.AtomicInteger retries = new java.util.concurrent.atomic.AtomicInteger();
    final int port;

    Product(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, java.util.Map.of());
    }

    /** With {@code properties} added to the command line (e.g. the national portal link's), after the harness's own. */
    Product(String jdbcUrl, String user, String password, java.util.Map<String, String> properties) {
        // command-line arguments: they win over the mariadb profile's own datasource URL
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--logging.level.root=warn",
                // the harness is one client address asking thousands of times: the anti-enumeration limit
                // of tracking lookups is not what it measures
                "--motcua.tracking.max-lookups=1000000000",
                "--spring.main.banner-mode=off"));
        // signing as in production: the test CA's key files, its timestamp authority, CRL and OCSP over HTTP on
        // localhost, its root the trust anchor; being configured, they also keep the demo's own CA away
        TestSigners.properties().forEach((name, value) -> arguments.add("--" + name + "=" + value));
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        context = new SpringApplicationBuilder(MotCuaApplication.class)
                .profiles("mariadb", "demo", "bench")
                .run(arguments.toArray(String[]::new));
        String database = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                .queryForObject("select database()", String.class);
        if (database == null || !jdbcUrl.contains("/" + database + "?")) {
            context.close();
            throw new IllegalStateException("The product started on database " + database + ", not on " + jdbcUrl);
        }
        port = ((WebServerApplicationContext) context).getWebServer().getPort();
        api = new Api(port);
    }

    @Override
    public String file(Latencies latencies) {
        String code = fileAlone(latencies);
        track(code, latencies);
        return code;
    }

    /** Files one dossier as {@link #file} does (retrying a 500), without the tracking read after it. */
    String fileAlone(Latencies latencies) {
        Api.Reply filed = fileOnce(latencies);
        // a client retries a failed filing (a refused filing stores nothing); the report counts the retries
        for (int attempt = 1; filed.status() == 500 && attempt < 3; attempt++) {
            retries.incrementAndGet();
            filed = fileOnce(latencies);
        }
        if (filed.status() != 201) {
            throw new IllegalStateException("filing answered " + filed.status() + ": " + filed.body());
        }
        return filed.text("code");
    }

    private Api.Reply fileOnce(Latencies latencies) {
        return latencies.time(
                Lifecycle.FILE,
                () -> api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles())));
    }

    /** Filings and task steps answered 500 and retried so far. */
    int retries() {
        return retries.get();
    }

    @Override
    public void complete(String code, Lifecycle.Step step, Latencies latencies) {
        latencies.time(step.taskKey(), () -> {
            // a client retries a step that answered 500 (e.g. the minute's deadline-warning scan flagged the same
            // task at that moment: optimistic locking); the report counts the retries with the filings'
            for (int attempt = 1; ; attempt++) {
                try {
                    attemptStep(code, step);
                    return null;
                } catch (ServerError error) {
                    if (attempt == 3) {
                        throw error;
                    }
                    retries.incrementAndGet();
                }
            }
        });
        track(code, latencies);
    }

    /**
     * {@code -Dbench.oneCall=true}: each step is the officials' one call (issue 17) instead of Tasklist's three engine
     * REST calls.
     */
    static final boolean ONE_CALL = Boolean.getBoolean("bench.oneCall");

    private void attemptStep(String code, Lifecycle.Step step) {
        if (ONE_CALL) {
            Api.Reply done = api.post(
                    "/api/officials/dossiers/" + code + "/tasks/" + step.taskKey() + "/complete",
                    step.official(),
                    step.variables());
            expect(200, done.status(), "complete " + step.taskKey() + " in one call");
            return;
        }
        List<JsonNode> tasks = api.tasks(step.official(), code);
        if (tasks.size() != 1
                || !tasks.get(0).path("taskDefinitionKey").asText().equals(step.taskKey())) {
            throw new IllegalStateException(code + " is not at " + step.taskKey() + " for " + step.official());
        }
        JsonNode task = tasks.get(0);
        String id = task.path("id").asText();
        if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
            expect(204, api.claim(step.official(), id), "claim " + step.taskKey());
        }
        expect(204, api.complete(step.official(), id, step.variables()).status(), "complete " + step.taskKey());
    }

    /** A 500 answer, which a client may retry. */
    private static final class ServerError extends IllegalStateException {
        ServerError(String message) {
            super(message);
        }
    }

    private void track(String code, Latencies latencies) {
        Api.Reply tracking = latencies.time(Lifecycle.TRACK, () -> api.get("/api/tracking/" + code));
        expect(200, tracking.status(), "tracking " + code);
    }

    private static void expect(int expected, int actual, String what) {
        if (actual == 500) {
            throw new ServerError(what + " answered 500");
        }
        if (actual != expected) {
            throw new IllegalStateException(what + " answered " + actual);
        }
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    org.springframework.context.ApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
