package vn.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Latency samples per step name, from any number of threads. */
class Latencies {

    private final Map<String, List<Long>> samples = new ConcurrentHashMap<>();

    <T> T time(String step, Supplier<T> action) {
        long start = System.nanoTime();
        T result = action.get();
        record(step, System.nanoTime() - start);
        return result;
    }

    void time(String step, Runnable action) {
        time(step, () -> {
            action.run();
            return null;
        });
    }

    void record(String step, long nanos) {
        List<Long> list = samples.computeIfAbsent(step, s -> new ArrayList<>());
        synchronized (list) {
            list.add(nanos);
        }
    }

    void addAll(Latencies other) {
        other.samples.forEach((step, list) -> list.forEach(nanos -> record(step, nanos)));
    }

    int count(String step) {
        return samples.getOrDefault(step, List.of()).size();
    }

    /** The q-th quantile in milliseconds (nearest rank), NaN without samples. */
    double millis(String step, double q) {
        List<Long> list = new ArrayList<>(samples.getOrDefault(step, List.of()));
        if (list.isEmpty()) {
            return Double.NaN;
        }
        list.sort(null);
        int rank = (int) Math.ceil(q * list.size()) - 1;
        return list.get(Math.max(0, Math.min(list.size() - 1, rank))) / 1e6;
    }
}
