package vn.motcua.nationalportal.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the adapter is asked and how it behaves: calls counted per service ({@code login} for logins), the answers given
 * while down, and the mode the control API sets (down, a delay before every answer).
 */
final class Traffic {

    /** The adapter's behaviour: {@code down} answers 503 to everything, {@code delayMs} waits before each answer. */
    record Mode(boolean down, long delayMs) {
        static final Mode NORMAL = new Mode(false, 0);
    }

    private final AtomicReference<Mode> mode = new AtomicReference<>(Mode.NORMAL);
    private final Map<String, Long> calls = new TreeMap<>();
    private long unavailableAnswers;

    Mode mode() {
        return mode.get();
    }

    Mode change(Boolean down, Long delayMs) {
        return mode.updateAndGet(current -> new Mode(
                down == null ? current.down() : down, delayMs == null ? current.delayMs() : Math.max(0, delayMs)));
    }

    synchronized void called(String service) {
        calls.merge(service, 1L, Long::sum);
    }

    synchronized void answeredUnavailable() {
        unavailableAnswers++;
    }

    synchronized void writeTo(ObjectNode stats) {
        ObjectNode counted = stats.putObject("calls");
        calls.forEach(counted::put);
        stats.put("unavailableAnswers", unavailableAnswers);
    }

    synchronized void reset() {
        calls.clear();
        unavailableAnswers = 0;
        mode.set(Mode.NORMAL);
    }
}
