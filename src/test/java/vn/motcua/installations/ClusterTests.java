package vn.motcua.installations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.motcua.Api;

/**
 * What every node of the two-node cluster must see alike: the lookup limits (misses and all lookups, per client,
 * whichever node answers: each node counts exactly what it serves and shares its counts every second, so a client
 * spread over both nodes is refused everywhere within {@link #CONVERGED} of reaching a limit), the client's address (X-Forwarded-For from the trusted proxy only), the calendar reload.
 * Each test is a client of its own loopback address, so the limits one provokes never slow another.
 */
class ClusterTests {

    static Cluster cluster;

    /** How soon both nodes know what the other counted (each shares its counts every second). */
    static final Duration CONVERGED = Duration.ofSeconds(5);

    @BeforeAll
    static void start() {
        cluster = Cluster.get();
    }

    @Test
    void missesSpreadOverBothNodesStillEndIn429() {
        // the client 198.51.100.7 behind the trusted proxy, its misses alternating between the two nodes
        for (int miss = 0; miss < Cluster.MAX_MISSES; miss++) {
            Installation node = miss % 2 == 0 ? cluster.node1 : cluster.node2;
            assertThat(lookUp(Cluster.PROXY_SOURCE, node.port(), unknown(miss), "198.51.100.7")
                            .status())
                    .isEqualTo(404);
        }
        for (Installation node : cluster.nodes()) {
            Cluster.Answer refused =
                    refusedWithin(() -> lookUp(Cluster.PROXY_SOURCE, node.port(), unknown(99), "198.51.100.7"));
            // the windows are fixed (aligned to the clock): the wait is what is left of this one, 1 to 10 minutes
            java.util.regex.Matcher wait = java.util.regex.Pattern.compile(
                            "Bạn đã tra cứu sai quá nhiều lần. Vui lòng thử lại sau (\\d+) phút.")
                    .matcher(refused.body());
            assertThat(wait.find()).as(refused.body()).isTrue();
            assertThat(Integer.parseInt(wait.group(1))).isBetween(1, 10);
            assertThat(refused.body())
                    .contains("Too many failed lookups. Please try again in " + wait.group(1) + " minute(s).");
        }
        // and through the load balancer (round robin: both nodes again), a client of its own
        for (int miss = 0; miss < Cluster.MAX_MISSES; miss++) {
            assertThat(lookUp("127.0.0.11", cluster.port, unknown(miss), null).status())
                    .isEqualTo(404);
        }
        refusedWithin(() -> lookUp("127.0.0.11", cluster.port, unknown(99), null));
        // one node refuses first, the other once it has read the counts (within a second or two): two answers in a
        // row refused are one from each node (round robin)
        refusedWithin(() -> {
            Cluster.Answer first = lookUp("127.0.0.11", cluster.port, unknown(99), null);
            Cluster.Answer second = lookUp("127.0.0.11", cluster.port, unknown(99), null);
            return first.status() == 429 ? second : first;
        });
        // and both keep refusing
        assertThat(lookUp("127.0.0.11", cluster.port, unknown(99), null).status())
                .isEqualTo(429);
        assertThat(lookUp("127.0.0.11", cluster.port, unknown(99), null).status())
                .isEqualTo(429);
        // another client is not slowed
        assertThat(lookUp("127.0.0.12", cluster.port, unknown(99), null).status())
                .isEqualTo(404);
    }

    @Test
    void aClientBehindTheTrustedProxyIsLimitedByItsOwnAddressAndAnUntrustedForwardedForIsIgnored() {
        for (int miss = 0; miss < Cluster.MAX_MISSES; miss++) {
            lookUp(Cluster.PROXY_SOURCE, cluster.node1.port(), unknown(miss), "198.51.100.20");
        }
        // the node that served the misses refuses at once; the other within a second or two
        assertThat(lookUp(Cluster.PROXY_SOURCE, cluster.node1.port(), unknown(0), "198.51.100.20")
                        .status())
                .isEqualTo(429);
        refusedWithin(() -> lookUp(Cluster.PROXY_SOURCE, cluster.node2.port(), unknown(0), "198.51.100.20"));
        // the same proxy forwarding another client: that client has its own count
        assertThat(lookUp(Cluster.PROXY_SOURCE, cluster.node2.port(), unknown(0), "198.51.100.21")
                        .status())
                .isEqualTo(404);

        // a sender that is not the trusted proxy names a new X-Forwarded-For each time: counted as itself
        for (int miss = 0; miss < Cluster.MAX_MISSES; miss++) {
            assertThat(lookUp("127.0.0.13", cluster.node1.port(), unknown(miss), "203.0.113." + miss)
                            .status())
                    .isEqualTo(404);
        }
        refusedWithin(() -> lookUp("127.0.0.13", cluster.node2.port(), unknown(0), "203.0.113.77"));
        // the same through the load balancer: HAProxy appends the real address, which the nodes take
        for (int miss = 0; miss < Cluster.MAX_MISSES; miss++) {
            lookUp("127.0.0.14", cluster.port, unknown(miss), "203.0.113." + (100 + miss));
        }
        refusedWithin(() -> lookUp("127.0.0.14", cluster.port, unknown(0), "203.0.113.200"));
    }

    @Test
    void everyLookupCountsTowardsTheGenerousLimitHitsIncluded() {
        Api.Reply filed =
                cluster.api().fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        String code = filed.text("code");
        for (int lookup = 0; lookup < Cluster.MAX_LOOKUPS; lookup++) {
            assertThat(lookUp("127.0.0.15", cluster.port, code, null).status())
                    .as("lookup %d", lookup + 1)
                    .isEqualTo(200);
        }
        Cluster.Answer refused = refusedWithin(() -> lookUp("127.0.0.15", cluster.port, code, null));
        assertThat(refused.body())
                .contains("Bạn đã tra cứu quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau")
                .contains("Too many lookups in a short time.");
        assertThat(lookUp("127.0.0.16", cluster.port, code, null).status()).isEqualTo(200);
    }

    @Test
    void aCalendarReloadOnOneNodeIsInForceOnTheOther() throws Exception {
        // two working days from Monday 1 March 2027: closing time on Tuesday, on Wednesday once Tuesday is off
        String question = "/api/calendar/deadline?start=2027-03-01T09:00&amount=2&unit=WORKING_DAYS";
        Api node1 = cluster.api(cluster.node1);
        Api node2 = cluster.api(cluster.node2);
        String before = node2.get(question, "admin").text("due");
        assertThat(before).isEqualTo("2027-03-02T17:00:00");
        assertThat(node1.get(question, "admin").text("due")).isEqualTo(before);

        Files.writeString(
                cluster.calendarFile,
                "\n2027-03-02\toff\tNgày nghỉ thử nghiệm của cụm\n",
                StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Api.Reply reloaded = node1.post("/api/calendar/reload", "admin", java.util.Map.of());
        assertThat(reloaded.status()).as("%s", reloaded.body()).isEqualTo(200);
        String after = node1.get(question, "admin").text("due");
        assertThat(after).isNotEqualTo(before);

        Instant asked = Instant.now();
        while (!after.equals(node2.get(question, "admin").text("due"))) {
            assertThat(Duration.between(asked, Instant.now())).isLessThan(Duration.ofSeconds(20));
            Installation.sleep(Duration.ofMillis(200));
        }
        System.out.printf(
                "[measured] calendar reload on node 1 in force on node 2 after %d ms (due %s -> %s)%n",
                Duration.between(asked, Instant.now()).toMillis(), before, after);
        assertThat(after).isEqualTo("2027-03-03T17:00:00");
    }

    /** Asks again until refused (429), for at most {@link #CONVERGED}; the refusal. */
    private static Cluster.Answer refusedWithin(java.util.function.Supplier<Cluster.Answer> lookUp) {
        Instant until = Instant.now().plus(CONVERGED);
        Cluster.Answer answer = lookUp.get();
        while (answer.status() != 429 && Instant.now().isBefore(until)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            answer = lookUp.get();
        }
        assertThat(answer.status())
                .as("refused within %s: %s", CONVERGED, answer.body())
                .isEqualTo(429);
        return answer;
    }

    private static Cluster.Answer lookUp(String from, int port, String code, String forwardedFor) {
        return Cluster.send(from, port, "/api/tracking/" + code, forwardedFor);
    }

    private static String unknown(int n) {
        return "000.20.43.H43-990101-" + (1000 + n);
    }
}
