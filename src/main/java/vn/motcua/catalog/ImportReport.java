package vn.motcua.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * What an import found and did: the file, the counts, each procedure's outcome and every problem, each naming the row
 * (1-based in the file's list; the sheet's row number in a workbook), the code and the field.
 */
public record ImportReport(
        Long importId,
        String fileName,
        String format,
        String sha256,
        LocalDate effectiveFrom,
        boolean dryRun,
        boolean accepted,
        int procedures,
        int newProcedures,
        int newVersions,
        int unchanged,
        List<Outcome> outcomes,
        List<Problem> problems) {

    public enum Result {
        NEW_PROCEDURE,
        NEW_VERSION,
        UNCHANGED
    }

    /** The version a procedure of the file got, or the one it is identical to. */
    public record Outcome(int row, String code, Result result, int version) {}

    public record Problem(int row, String code, String field, String message, String messageEn) {}
}
