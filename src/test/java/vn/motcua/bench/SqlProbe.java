package vn.motcua.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts the SQL of each step of single-threaded lifecycles two ways: exactly, at the driver (only this side's
 * connections), and as MariaDB's global {@code Com_*} deltas (the whole server, so other work on the machine adds
 * noise: the minimum over the lifecycles is kept for both).
 */
final class SqlProbe extends Latencies implements AutoCloseable {

    private static final String[] COM = {"Com_select", "Com_insert", "Com_update", "Com_delete"};

    record Count(Map<StatementCounter.Verb, Long> driver, long server, StatementCounter.Sources sources) {
        long driverTotal() {
            return driver.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final Connection status;
    private final Map<String, Count> minimum = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> texts = new LinkedHashMap<>();

    SqlProbe(String jdbcUrl, String user, String password) throws SQLException {
        status = DriverManager.getConnection(jdbcUrl, user, password);
    }

    @Override
    <T> T time(String step, Supplier<T> action) {
        long before = server();
        StatementCounter.start();
        T result = action.get();
        Map<StatementCounter.Verb, Long> driver = new EnumMap<>(StatementCounter.stop());
        StatementCounter.Sources sources = StatementCounter.sources();
        texts.putIfAbsent(step, StatementCounter.texts());
        long serverDelta = server() - before;
        Count count = new Count(driver, serverDelta, sources);
        minimum.merge(
                step,
                count,
                (a, b) -> a.driverTotal() <= b.driverTotal()
                        ? new Count(a.driver(), Math.min(a.server(), b.server()), a.sources())
                        : new Count(b.driver(), Math.min(a.server(), b.server()), b.sources()));
        return result;
    }

    Map<String, Count> counts() {
        return new HashMap<>(minimum);
    }

    /** The statements of each step in the first lifecycle, by text, with their counts. */
    String statements() {
        StringBuilder out = new StringBuilder();
        texts.forEach((step, statements) -> {
            out.append("## ")
                    .append(step)
                    .append(" (")
                    .append(statements.values().stream()
                            .mapToLong(Long::longValue)
                            .sum())
                    .append(")\n");
            statements.forEach((sql, count) -> out.append(String.format("%4d  %s%n", count, sql)));
        });
        return out.toString();
    }

    private long server() {
        try (Statement sql = status.createStatement();
                ResultSet rows = sql.executeQuery(
                        "show global status where variable_name in ('" + String.join("','", COM) + "')")) {
            long total = 0;
            while (rows.next()) {
                total += rows.getLong(2);
            }
            return total;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        status.close();
    }
}
