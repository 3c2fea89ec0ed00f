package vn.motcua.catalog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which department group does each role of a procedure at its agency ({@code department_route}): the procedure's exact
 * route, else the agency's default (procedure {@code *}), else nothing, which is an error, never a guess from the unit.
 * The steps read through a copy of the whole table kept for {@link Procedures#STEP_READ_TTL_MILLIS}; a change through
 * this node (the API, an import) drops the copy when it commits, other nodes see it when theirs expires.
 */
@Service
public class DepartmentRoutes {

    /** A route's procedure code that makes it the agency's default for the role. */
    public static final String ANY_PROCEDURE = "*";

    /** The roles the procedure models' steps name (role, assignFrom); a test checks them against bpmn/. */
    static final List<String> ROLES = List.of("reception", "specialist", "head", "leader", "clerk");

    /** The routes as read at one moment, resolved as the steps resolve them. */
    public static final class Table {

        private final Map<String, String> groups;
        private final java.util.Set<String> routed;

        private Table(List<DepartmentRoute> routes) {
            Map<String, String> read = new HashMap<>();
            routes.forEach(r -> read.put(key(r.agencyCode(), r.procedureCode(), r.role()), r.groupId()));
            this.groups = Map.copyOf(read);
            this.routed = java.util.Set.copyOf(read.values());
        }

        /** Whether some route gives steps to the group: its members are officials of a department. */
        public boolean routes(String groupId) {
            return routed.contains(groupId);
        }

        /** The exact route of the procedure, else the agency's default for the role. */
        public Optional<String> find(String agencyCode, String procedureCode, String role) {
            String exact = groups.get(key(agencyCode, procedureCode, role));
            return Optional.ofNullable(exact != null ? exact : groups.get(key(agencyCode, ANY_PROCEDURE, role)));
        }
    }

    private record Copy(Table table, long expiresAt) {}

    private final RouteMapper routes;
    private final Clock clock;
    private final AtomicLong changes = new AtomicLong();
    private volatile Copy copy;

    DepartmentRoutes(RouteMapper routes, Clock clock) {
        this.routes = routes;
        this.clock = clock;
    }

    /** The group for the role, read through the kept copy; fails when the table has no route for it. */
    public String departmentFor(Procedure procedure, String role) {
        return find(procedure, role)
                .orElseThrow(() -> new IllegalStateException("No department route for role '" + role
                        + "' of procedure " + procedure.code() + " at agency " + procedure.agencyCode()
                        + ": department_route has neither (" + procedure.agencyCode() + ", " + procedure.code()
                        + ", " + role + ") nor the agency's default (" + procedure.agencyCode() + ", *, " + role
                        + "); an operator adds one (PUT /api/catalogue/routes)"));
    }

    /** The group for the role, read through the kept copy; empty when the table has no route for it. */
    public Optional<String> find(Procedure procedure, String role) {
        return kept().table().find(procedure.agencyCode(), procedure.code(), role);
    }

    /** Whether a route gives steps to the group (read through the kept copy), whatever the group is called. */
    public boolean routesTo(String groupId) {
        return kept().table().routes(groupId);
    }

    /** Every route as committed now, read at once: for checks of many procedures (an import). */
    public Table current() {
        return new Table(routes.list(null));
    }

    /** Every route, or an agency's, by agency, procedure and role. */
    List<DepartmentRoute> list(String agencyCode) {
        return routes.list(agencyCode);
    }

    /** Stores the routes over those of the same agency, procedure and role, all or none. */
    @Transactional
    public void replace(List<DepartmentRoute> given, String user) {
        store(given, user);
    }

    /** {@link #replace}, in the caller's transaction. */
    void store(List<DepartmentRoute> given, String user) {
        if (given.isEmpty()) {
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock);
        for (DepartmentRoute route : given) {
            DepartmentRoute stored = new DepartmentRoute(
                    route.agencyCode(), route.procedureCode(), route.role(), route.groupId(), user, now);
            routes.delete(stored);
            routes.insert(stored);
        }
        forgetWhenDone();
    }

    /** The procedure's own routes an import gives ({role: group}), for its agency. */
    void storeExact(Procedure procedure, Map<String, String> groups, String user) {
        store(
                groups.entrySet().stream()
                        .map(e -> new DepartmentRoute(
                                procedure.agencyCode(), procedure.code(), e.getKey(), e.getValue(), null, null))
                        .toList(),
                user);
    }

    private Copy kept() {
        Copy current = copy;
        if (current != null && current.expiresAt() > System.currentTimeMillis()) {
            return current;
        }
        long seen = changes.get();
        Copy loaded = new Copy(current(), System.currentTimeMillis() + Procedures.STEP_READ_TTL_MILLIS);
        // a copy read while a change committed may be older than the change: used once, not kept
        if (changes.get() == seen) {
            copy = loaded;
        }
        return loaded;
    }

    private void forgetWhenDone() {
        changes.incrementAndGet();
        copy = null;
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    changes.incrementAndGet();
                    copy = null;
                }
            });
        }
    }

    private static String key(String agency, String procedure, String role) {
        return agency + "\n" + procedure + "\n" + role;
    }
}
