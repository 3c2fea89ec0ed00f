package vn.motcua.catalog;

import java.time.LocalDate;

/** One version of a procedure: from when it is in force, the import that brought it (none: a migration), and it. */
public record ProcedureVersion(
        int version, LocalDate effectiveFrom, Long importId, boolean inForce, Procedure procedure) {

    record Dated(int version, LocalDate effectiveFrom, Long importId) {}
}
