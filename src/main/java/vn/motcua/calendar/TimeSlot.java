package vn.motcua.calendar;

import java.time.LocalTime;
import java.util.Objects;

/** One stretch of office time within a day, end exclusive. */
public record TimeSlot(LocalTime start, LocalTime end) {

    public TimeSlot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Slot must end after it starts: " + start + "–" + end);
        }
    }

    boolean contains(LocalTime time) {
        return !time.isBefore(start) && time.isBefore(end);
    }
}
