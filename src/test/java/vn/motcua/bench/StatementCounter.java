package vn.motcua.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements sent through a data source, by verb, while switched on: exact per-step counts that the
 * server's global counters (shared with everyone else on the machine) cannot give. Batched statements count one each;
 * statements of scheduled jobs are not counted (they run beside the steps, not in them).
 */
final class StatementCounter {

    enum Verb {
        SELECT,
        INSERT,
        UPDATE,
        DELETE,
        OTHER
    }

    private static final Map<Verb, AtomicLong> COUNTS = new EnumMap<>(Verb.class);
    private static final Map<String, AtomicLong> TEXTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile boolean on;
    /** Statements on the reporting tables, counted apart from the steps' windows (its listeners run after them). */
    private static final AtomicLong REPORTING = new AtomicLong();

    private static volatile boolean reportingOn;

    /**
     * In the request's own thread (Tomcat's {@code http-nio-…}): statements on the engine's tables ({@code ACT_RU_},
     * {@code ACT_HI_}, {@code ACT_GE_}, {@code ACT_RE_}, {@code ACT_ID_}) and on ours. Listeners after the commit and
     * the job executor run in other threads and are not in either.
     */
    private static final AtomicLong ENGINE_IN_REQUEST = new AtomicLong();

    private static final AtomicLong OURS_IN_REQUEST = new AtomicLong();
    private static final java.util.regex.Pattern ENGINE_TABLE =
            java.util.regex.Pattern.compile("(?i)\\bACT_(RU|HI|GE|RE|ID)_");

    /** What the request thread sent: on the engine's tables, on ours. */
    record Sources(long engine, long ours) {}

    static {
        for (Verb verb : Verb.values()) {
            COUNTS.put(verb, new AtomicLong());
        }
    }

    static void start() {
        COUNTS.values().forEach(count -> count.set(0));
        ENGINE_IN_REQUEST.set(0);
        OURS_IN_REQUEST.set(0);
        TEXTS.clear();
        on = true;
    }

    static void startReporting() {
        REPORTING.set(0);
        reportingOn = true;
    }

    /** Stops counting the reporting module's statements and answers how many ran since {@link #startReporting()}. */
    static long stopReporting() {
        reportingOn = false;
        return REPORTING.get();
    }

    /** Stops counting and answers the counts since {@link #start()}. */
    static Map<Verb, Long> stop() {
        on = false;
        Map<Verb, Long> counts = new EnumMap<>(Verb.class);
        COUNTS.forEach((verb, count) -> counts.put(verb, count.get()));
        return counts;
    }

    /** Since {@link #start()}, in request threads: the engine's statements and ours. */
    static Sources sources() {
        return new Sources(ENGINE_IN_REQUEST.get(), OURS_IN_REQUEST.get());
    }

    static DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                return counting(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws SQLException {
                return counting(super.getConnection(username, password));
            }
        };
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                        return countingStatement(statement, sql);
                    }
                    return result;
                });
    }

    private static Object countingStatement(Statement statement, String preparedSql) {
        return Proxy.newProxyInstance(
                StatementCounter.class.getClassLoader(), interfaceOf(statement), (proxy, method, args) -> {
                    String name = method.getName();
                    boolean executes =
                            name.startsWith("execute") && !name.equals("executeBatch") || name.equals("addBatch");
                    if (executes && reportingOn) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                        if (sql != null && sql.contains("reporting_")) {
                            REPORTING.incrementAndGet();
                        }
                    }
                    if (on && executes && !scheduled()) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql;
                        COUNTS.get(verb(sql)).incrementAndGet();
                        boolean request = Thread.currentThread().getName().startsWith("http-nio-");
                        TEXTS.computeIfAbsent(
                                        (request ? "request  " : "after    ") + head(sql), key -> new AtomicLong())
                                .incrementAndGet();
                        if (Thread.currentThread().getName().startsWith("http-nio-")) {
                            (sql != null && ENGINE_TABLE.matcher(sql).find() ? ENGINE_IN_REQUEST : OURS_IN_REQUEST)
                                    .incrementAndGet();
                        }
                    }
                    return invoke(statement, method, args);
                });
    }

    /**
     * A statement of a scheduled job (Spring's scheduler threads, {@code scheduling-N}): the national portal sync,
     * which sends the rows of the step just done every 0.2 s, the deadline scan, the event resubmission. They run in
     * the background, not in the step that happens to be counted, so they are not counted in its window.
     */
    private static boolean scheduled() {
        return Thread.currentThread().getName().startsWith("scheduling-");
    }

    /**
     * The statements counted since {@link #start()}, by the thread that sent them ({@code request}: the step's own request
     * thread; {@code after}: listeners and the job executor) and their first 120 characters (whitespace collapsed).
     */
    static Map<String, Long> texts() {
        Map<String, Long> texts = new java.util.TreeMap<>();
        TEXTS.forEach((sql, count) -> texts.put(sql, count.get()));
        return texts;
    }

    private static String head(String sql) {
        if (sql == null) {
            return "(batch or unknown)";
        }
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 120) : flat;
    }

    private static Class<?>[] interfaceOf(Statement statement) {
        if (statement instanceof java.sql.CallableStatement) {
            return new Class<?>[] {java.sql.CallableStatement.class};
        }
        if (statement instanceof java.sql.PreparedStatement) {
            return new Class<?>[] {java.sql.PreparedStatement.class};
        }
        return new Class<?>[] {Statement.class};
    }

    private static Verb verb(String sql) {
        if (sql == null) {
            return Verb.OTHER;
        }
        String head = sql.stripLeading().toLowerCase(Locale.ROOT);
        for (Verb verb : Verb.values()) {
            if (head.startsWith(verb.name().toLowerCase(Locale.ROOT))) {
                return verb;
            }
        }
        return Verb.OTHER;
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private StatementCounter() {}
}
