package vn.motcua.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.motcua.reporting.CountingRules.Counted;
import vn.motcua.reporting.CountingRules.Outcome;
import vn.motcua.reporting.CountingRules.Received;
import vn.motcua.sla.Clocks;
import vn.motcua.sla.Timeliness;

/** The choices the law leaves open, each switched against the default (ReportIi06aTests counts the defaults). */
class CountingRulesTests {

    static final LocalDateTime FROM = LocalDateTime.parse("2025-03-01T00:00");
    static final LocalDateTime TO = LocalDateTime.parse("2025-04-01T00:00");
    static final LocalDateTime DUE = LocalDateTime.parse("2025-03-20T17:00");
    static final LocalDateTime NEW_DATE = LocalDateTime.parse("2025-03-27T17:00");
    static final LocalDateTime RESOLVED = LocalDateTime.parse("2025-03-25T10:00");

    final Clocks clocks = mock(Clocks.class);
    final Clock today = Clock.fixed(LocalDateTime.parse("2026-12-02T10:00").toInstant(ZoneOffset.UTC), ZoneOffset.UTC);

    CountingRules rules(ReportingSettings settings) {
        return new CountingRules(settings, clocks, today);
    }

    @Test
    void aResultAfterTheOriginalDueTimeIsLateEvenWithAnApologyUnlessTheNewDateIsChosen() {
        when(clocks.timeliness(DUE, RESOLVED)).thenReturn(Timeliness.LATE);
        when(clocks.timeliness(NEW_DATE, RESOLVED)).thenReturn(Timeliness.ON_TIME);
        ReportedDossier extended = dossier(DUE, NEW_DATE, RESOLVED, null, null, false);

        assertThat(rules(new ReportingSettings(null, null, null)).count(extended, FROM, TO))
                .contains(new Counted(Received.ONLINE, Outcome.LATE));
        assertThat(rules(new ReportingSettings(ReportingSettings.DueTime.EXTENDED, null, null))
                        .count(extended, FROM, TO))
                .contains(new Counted(Received.ONLINE, Outcome.ON_TIME));
    }

    @Test
    void aWithdrawnDossierIsResolvedOnTimeByDefaultOrNotCountedAtAll() {
        ReportedDossier withdrawn = dossier(DUE, null, null, null, RESOLVED, true);

        assertThat(rules(new ReportingSettings(null, null, null)).count(withdrawn, FROM, TO))
                .contains(new Counted(Received.ONLINE, Outcome.ON_TIME));
        assertThat(rules(new ReportingSettings(null, ReportingSettings.Counted.EXCLUDED, null))
                        .count(withdrawn, FROM, TO))
                .isEmpty();
        // withdrawn only after the period: still in progress at its end, whatever the setting
        assertThat(rules(new ReportingSettings(null, ReportingSettings.Counted.EXCLUDED, null))
                        .count(dossier(DUE, null, null, null, TO.plusDays(2), true), FROM, TO))
                .contains(new Counted(Received.ONLINE, Outcome.OVERDUE));
    }

    @Test
    void aDossierRefusedAtReceptionIsNotCountedByDefaultOrCountsAsResolvedOnTime() {
        ReportedDossier refused = dossier(null, null, null, RESOLVED, null, false);

        assertThat(rules(new ReportingSettings(null, null, null)).count(refused, FROM, TO))
                .isEmpty();
        assertThat(rules(new ReportingSettings(null, null, ReportingSettings.Counted.RESOLVED_ON_TIME))
                        .count(refused, FROM, TO))
                .contains(new Counted(Received.ONLINE, Outcome.ON_TIME));
    }

    @Test
    void anOpenPeriodJudgesOverdueAtTheMomentNotAtItsEnd() {
        Clock midMarch = Clock.fixed(LocalDateTime.parse("2025-03-15T10:00").toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        ReportedDossier open = dossier(DUE, null, null, null, null, false);

        assertThat(new CountingRules(new ReportingSettings(null, null, null), clocks, midMarch).count(open, FROM, TO))
                .isEqualTo(Optional.of(new Counted(Received.ONLINE, Outcome.WITHIN_TIME)));
        assertThat(rules(new ReportingSettings(null, null, null)).count(open, FROM, TO))
                .contains(new Counted(Received.ONLINE, Outcome.OVERDUE));
    }

    @Test
    void eachBrokenSumOfTheFormIsNamed() {
        assertThat(new Ii06a.Cells(2, 1, 1, 0, 1, 0, 1, 0, 1, 1, 0).violatedInvariant())
                .isEmpty();
        assertThat(new Ii06a.Cells(2, 1, 1, 0, 1, 0, 1, 0, 0, 0, 0).violatedInvariant())
                .isEqualTo("3 = 7 + 11");
        assertThat(new Ii06a.Cells(3, 1, 1, 0, 2, 0, 2, 0, 1, 1, 0).violatedInvariant())
                .isEqualTo("3 = 4 + 5 + 6");
        assertThat(new Ii06a.Cells(2, 1, 1, 0, 2, 0, 1, 0, 0, 0, 0).violatedInvariant())
                .isEqualTo("7 = 8 + 9 + 10");
        assertThat(new Ii06a.Cells(2, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0).violatedInvariant())
                .isEqualTo("11 = 12 + 13");
    }

    static ReportedDossier dossier(
            LocalDateTime due,
            LocalDateTime extended,
            LocalDateTime resolved,
            LocalDateTime refused,
            LocalDateTime stopped,
            boolean withdrawn) {
        return new ReportedDossier(
                "H43-TEST",
                "Hộ tịch",
                "ONLINE",
                LocalDateTime.parse("2025-03-05T09:00"),
                due,
                extended,
                resolved,
                refused,
                stopped,
                withdrawn,
                "000.20.43.H43");
    }
}
