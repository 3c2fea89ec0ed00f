package vn.motcua.sla;

/**
 * What the clock does while the citizen supplements a dossier, how often that may be asked, and how long the citizen
 * has before the dossier is closed (domain.md §6.2; effective-dated per procedure in the catalogue's data).
 */
public record SupplementPolicy(ClockPolicy clockPolicy, int maxRequests, int timeoutWorkingDays) {

    public enum ClockPolicy {
        /** Time already spent counts; the clock stops and resumes with what remained (NĐ 61/2018 Art. 17(2)(c) [M]). */
        PAUSE_RESUME,
        /** The period counts again from zero once the dossier is complete (NĐ 297/2025 Art. 6(4)(a)). */
        RESTART,
        /** The supplement time counts as processing time. */
        NONE
    }

    /** Once per dossier, 15 working days (NĐ 297/2025 Art. 6(4)(a); NĐ 61/2018 "only once" [M]). */
    static SupplementPolicy defaults() {
        return new SupplementPolicy(ClockPolicy.PAUSE_RESUME, 1, 15);
    }
}
