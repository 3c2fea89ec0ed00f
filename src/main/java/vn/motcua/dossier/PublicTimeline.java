package vn.motcua.dossier;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The public timeline as the dossier's row keeps it ({@code dossier.public_timeline}, issue 17): one entry per status
 * change and per step, in the order they were written, with nothing an official wrote (no actor, outcome or note).
 * A step's entry carries its task (or wait) id, so that its completion finds it; the id is never shown.
 */
final class PublicTimeline {

    /** {@code kind} 0: a status change ({@code status}, {@code text} its public text); 1: a step. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Entry(
            int kind,
            Integer status,
            LocalDateTime at,
            String text,
            String id,
            String key,
            String name,
            String department,
            LocalDateTime due,
            LocalDateTime done) {

        static Entry status(DossierStatus status, LocalDateTime at, String publicText) {
            return new Entry(0, status.code(), at, publicText, null, null, null, null, null, null);
        }

        static Entry step(
                String id,
                String key,
                String name,
                String department,
                String publicText,
                LocalDateTime at,
                LocalDateTime due) {
            return new Entry(1, null, at, publicText, id, key, name, department, due, null);
        }

        Entry completed(LocalDateTime at) {
            return new Entry(kind, status, this.at, text, id, key, name, department, due, at);
        }
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new SimpleModule().addDeserializer(LocalDateTime.class, new IsoTimes()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final ObjectReader ENTRIES = JSON.readerFor(new TypeReference<List<Entry>>() {});

    private PublicTimeline() {}

    static List<Entry> parse(String json) {
        try {
            return new ArrayList<>(ENTRIES.<List<Entry>>readValue(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The public timeline kept on a dossier's row is not readable", e);
        }
    }

    static String write(List<Entry> entries) {
        try {
            return JSON.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The times as {@link #write} writes them ({@code 2026-03-02T09:00}, {@code …:05}, {@code …:05.123}), read by hand:
     * tracking reads a timeline per lookup, and {@link java.time.format.DateTimeFormatter} took half of that (issue 17).
     * Anything else is left to {@link LocalDateTime#parse}.
     */
    static final class IsoTimes extends StdDeserializer<LocalDateTime> {

        IsoTimes() {
            super(LocalDateTime.class);
        }

        @Override
        public LocalDateTime deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return parse(parser.getValueAsString());
        }

        static LocalDateTime parse(String text) {
            int length = text.length();
            if (length < 16
                    || text.charAt(4) != '-'
                    || text.charAt(7) != '-'
                    || text.charAt(10) != 'T'
                    || text.charAt(13) != ':'
                    || (length > 16 && (length < 19 || text.charAt(16) != ':'))
                    || (length > 19 && (length < 21 || length > 29 || text.charAt(19) != '.'))) {
                return LocalDateTime.parse(text);
            }
            int nanos = 0;
            for (int i = 20; i < 29; i++) {
                nanos = nanos * 10 + (i < length ? digit(text, i) : 0);
            }
            return LocalDateTime.of(
                    number(text, 0, 4),
                    number(text, 5, 7),
                    number(text, 8, 10),
                    number(text, 11, 13),
                    number(text, 14, 16),
                    length > 16 ? number(text, 17, 19) : 0,
                    length > 19 ? nanos : 0);
        }

        private static int number(String text, int from, int to) {
            int value = 0;
            for (int i = from; i < to; i++) {
                value = value * 10 + digit(text, i);
            }
            return value;
        }

        private static int digit(String text, int at) {
            char c = text.charAt(at);
            if (c < '0' || c > '9') {
                throw new java.time.format.DateTimeParseException("Not a time: " + text, text, at);
            }
            return c - '0';
        }
    }

    /** The completion of a step: the entry of that task or wait, when the timeline has it. */
    static void complete(List<Entry> entries, String id, LocalDateTime at) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.kind() == 1 && id.equals(entry.id())) {
                entries.set(i, entry.completed(at));
                return;
            }
        }
    }

    /** The entries of the timeline's tables (this transaction's own writes included), for a row that kept none yet. */
    static List<Entry> of(List<DossierMapper.TimelineRow> rows) {
        List<Entry> entries = new ArrayList<>();
        for (DossierMapper.TimelineRow r : rows) {
            entries.add(
                    r.kind() == 0
                            ? Entry.status(DossierStatus.of(r.status()), r.at(), r.publicText())
                            : new Entry(
                                    1,
                                    null,
                                    r.at(),
                                    r.publicText(),
                                    r.taskId(),
                                    r.stepKey(),
                                    r.stepName(),
                                    r.department(),
                                    r.dueAt(),
                                    r.completedAt()));
        }
        return entries;
    }

    /** The entries as the public {@link Timeline}: status changes and steps, each list in the order it was written. */
    static Timeline timeline(List<Entry> entries) {
        List<StatusChange> changes = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() == 0) {
                changes.add(new StatusChange(DossierStatus.of(e.status()), e.at(), null, e.text(), null));
            } else {
                steps.add(new Step(
                        e.key(), e.name(), e.department(), e.text(), e.at(), e.due(), e.done(), null, null, null));
            }
        }
        return new Timeline(List.copyOf(changes), List.copyOf(steps));
    }
}
