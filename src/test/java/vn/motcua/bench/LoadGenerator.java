package vn.motcua.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop HTTP load on loopback: a fixed number of threads, each sending GET {prefix}{random code} and waiting for
 * the answer, bounded by time and by a total number of requests.
 */
final class LoadGenerator {

    record Result(long requests, long errors, double seconds, double throughput, double p50, double p99) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;
    private final int threads;

    LoadGenerator(int port, int threads) {
        this.port = port;
        this.threads = threads;
    }

    Result run(String prefix, List<String> codes, Duration duration, long maxRequests) throws Exception {
        Latencies latencies = new Latencies();
        AtomicLong sent = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> clients = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                SplittableRandom random = new SplittableRandom(7919L * t + prefix.hashCode());
                clients.add(pool.submit(() -> {
                    while (System.nanoTime() < end && sent.incrementAndGet() <= maxRequests) {
                        String code = codes.get(random.nextInt(codes.size()));
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + port + prefix + code))
                                .timeout(Duration.ofSeconds(30))
                                .GET()
                                .build();
                        long before = System.nanoTime();
                        try {
                            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.record("get", System.nanoTime() - before);
                    }
                    return null;
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = latencies.count("get");
        return new Result(
                requests,
                errors.get(),
                seconds,
                requests / seconds,
                latencies.millis("get", 0.50),
                latencies.millis("get", 0.99));
    }
}
