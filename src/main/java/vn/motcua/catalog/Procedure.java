package vn.motcua.catalog;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import vn.motcua.calendar.TimeUnit;

/**
 * A catalogue entry: what the law says about one administrative procedure, and how this installation runs it, as one
 * version of it says (each version is in force from its {@code effectiveFrom}; a dossier keeps the version it was filed
 * under).
 */
public record Procedure(
        String code,
        String name,
        String sector,
        String agencyCode,
        String agencyName,
        int legalTime,
        TimeUnit timeUnit,
        String cutOff,
        String fee,
        OnlineLevel onlineLevel,
        String processKey,
        String startForm,
        String receptionUnit,
        String handlingUnit,
        LocalDate effectiveFrom,
        String sourceNote,
        /** A part of a liên thông group, received only as a handoff from another agency: not filed directly. */
        boolean handoffOnly,
        List<Component> components,
        int version) {

    /** NĐ 42/2022 Art. 11: "toàn trình" (end-to-end online) or "một phần" (partly online). */
    public enum OnlineLevel {
        FULL,
        PARTIAL
    }

    /** What a public page shows of a procedure: its code and name and the agency that handles it. */
    public record Heading(String code, String name, String agencyCode, String agencyName) {}

    /** One document the applicant must (or may) submit. */
    public record Component(String code, String name, boolean required) {}

    public Optional<LocalTime> cutOffTime() {
        return Optional.ofNullable(cutOff).map(LocalTime::parse);
    }
}
