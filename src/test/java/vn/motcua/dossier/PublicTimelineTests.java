package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public timeline as the dossier's row keeps it: what is written is read back exactly, whatever its times. */
class PublicTimelineTests {

    @Test
    void everyTimeIsReadBackAsItWasWrittenToTheNanosecond() {
        List<LocalDateTime> times = List.of(
                LocalDateTime.of(2026, 3, 2, 9, 0),
                LocalDateTime.of(2026, 3, 2, 9, 0, 5),
                LocalDateTime.of(2026, 12, 31, 23, 59, 59, 123_000_000),
                LocalDateTime.of(2027, 1, 1, 0, 0, 0, 456_789_000),
                LocalDateTime.of(2026, 2, 28, 16, 30, 0, 1),
                LocalDateTime.of(999, 1, 1, 7, 5));
        List<PublicTimeline.Entry> entries = new ArrayList<>();
        for (LocalDateTime at : times) {
            entries.add(PublicTimeline.Entry.status(DossierStatus.ACCEPTED, at, "Đã tiếp nhận hồ sơ"));
            entries.add(PublicTimeline.Entry.step(
                    "task-" + at,
                    "Task_CheckDossier",
                    "Kiểm tra hồ sơ",
                    "phanrang-reception",
                    null,
                    at,
                    at.plusHours(8)));
        }
        PublicTimeline.complete(entries, "task-" + times.get(2), LocalDateTime.of(2027, 1, 2, 10, 15, 30, 999_999_999));

        List<PublicTimeline.Entry> read = PublicTimeline.parse(PublicTimeline.write(entries));

        assertThat(read).isEqualTo(entries);
        assertThat(read.get(5).done()).isEqualTo(LocalDateTime.of(2027, 1, 2, 10, 15, 30, 999_999_999));
        assertThat(read.get(0).text()).isEqualTo("Đã tiếp nhận hồ sơ");
    }

    @Test
    void aTimeWrittenOtherwiseIsReadByTheStandardParserAndNonsenseIsRefused() {
        assertThat(PublicTimeline.IsoTimes.parse("2026-03-02T09:00:05.5"))
                .isEqualTo(LocalDateTime.of(2026, 3, 2, 9, 0, 5, 500_000_000));
        assertThat(PublicTimeline.IsoTimes.parse("+12026-03-02T09:00")).isEqualTo(LocalDateTime.of(12026, 3, 2, 9, 0));
        assertThatThrownBy(() -> PublicTimeline.IsoTimes.parse("2026-0x-02T09:00"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> PublicTimeline.IsoTimes.parse("2026-03-02 09:00"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
