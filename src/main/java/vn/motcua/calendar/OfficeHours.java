package vn.motcua.calendar;

import java.time.LocalTime;
import java.util.List;

/** The office-time slots of a working day; each UBND tỉnh sets its own, so this is per-agency configuration. */
public record OfficeHours(List<TimeSlot> slots) {

    public OfficeHours {
        slots = List.copyOf(slots);
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("Office hours need at least one slot");
        }
        for (int i = 1; i < slots.size(); i++) {
            if (slots.get(i).start().isBefore(slots.get(i - 1).end())) {
                throw new IllegalArgumentException("Slots must be in order and must not overlap: " + slots);
            }
        }
    }

    public static OfficeHours standard() {
        return new OfficeHours(List.of(
                new TimeSlot(LocalTime.of(8, 0), LocalTime.of(12, 0)),
                new TimeSlot(LocalTime.of(13, 0), LocalTime.of(17, 0))));
    }

    public LocalTime opening() {
        return slots.get(0).start();
    }

    public LocalTime closing() {
        return slots.get(slots.size() - 1).end();
    }
}
