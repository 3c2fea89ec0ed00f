package vn.motcua.reporting;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import vn.motcua.dossier.Dossiers;

/**
 * What a leader sees of their agency (or an operator of the province) for a period: the totals and each month, the
 * sectors, the agencies (province only), the procedures and steps late most often, the dossiers overdue now and
 * nearly due, and the ratings.
 */
public record Dashboard(
        LocalDate from,
        LocalDate to,
        String agency,
        String name,
        Figures total,
        List<Figures.Month> months,
        List<Sector> sectors,
        List<Figures.OfAgency> agencies,
        List<LateProcedure> lateProcedures,
        List<Dossiers.LateStep> lateSteps,
        int overdueNow,
        List<OpenDossier> overdue,
        int nearlyDue,
        List<OpenDossier> nearly,
        Satisfaction satisfaction) {

    public record Sector(String sector, Figures figures) {}

    public record LateProcedure(String code, String name, int resolved, int late) {}

    public record OpenDossier(String code, String procedureCode, String procedureName, LocalDateTime dueAt) {}
}
