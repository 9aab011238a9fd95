package org.mtb.catalog.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mtb.calendar.ScheduleEntry;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One year of one schedule as an operator imported it, e.g. the State Council's 2027 notice. A later import of
 * the same year with other content replaces it; the replaced import stays in {@code earlier}, with who imported
 * it, when and from what source.
 *
 * @param id {@code <schedule>:<year>}, e.g. {@code national:2027}
 * @param fingerprint of the source and the days: an import with the same fingerprint changes nothing
 * @param imports how many imports with different content this year had; a replacement is conditional on it, so
 *        two imports at once cannot both replace the same one
 */
@Document(ScheduleYear.COLLECTION)
record ScheduleYear(
        @Id String id,
        String schedule,
        int year,
        String source,
        List<Day> days,
        String fingerprint,
        int imports,
        String importedBy,
        Instant importedAt,
        @Nullable List<EarlierImport> earlier) {

    static final String COLLECTION = "calendar_schedules";

    /**
     * @param date an ISO date kept as text: a stored {@code LocalDate} becomes an instant in the writing JVM's zone
     *        and could read back as the day before in another zone
     */
    record Day(String date, ScheduleEntry.Kind kind, String name, String source) {
    }

    record EarlierImport(String source, List<Day> days, String importedBy, Instant importedAt) {
    }

    static String id(String schedule, int year) {
        return schedule + ":" + year;
    }

    static ScheduleYear first(String schedule, int year, String source, List<ScheduleEntry> entries,
            String importedBy, Instant at) {
        return new ScheduleYear(id(schedule, year), schedule, year, source, toDays(entries),
                fingerprint(source, entries), 1, importedBy, at, List.of());
    }

    /** This year replaced by a new import, keeping this one among the earlier imports. */
    ScheduleYear replacedBy(String newSource, List<ScheduleEntry> entries, String by, Instant at) {
        List<EarlierImport> before = new ArrayList<>();
        if (earlier != null) {
            before.addAll(earlier);
        }
        before.add(new EarlierImport(source, days, importedBy, importedAt));
        return new ScheduleYear(id, schedule, year, newSource, toDays(entries), fingerprint(newSource, entries),
                imports + 1, by, at, before);
    }

    List<ScheduleEntry> entries() {
        return days.stream()
                .map(day -> new ScheduleEntry(LocalDate.parse(day.date()), day.kind(), day.name(), day.source()))
                .toList();
    }

    static String fingerprint(String source, List<ScheduleEntry> entries) {
        List<String> values = new ArrayList<>();
        values.add(source);
        for (ScheduleEntry entry : entries) {
            values.add(entry.date().toString());
            values.add(entry.kind().name());
            values.add(entry.name());
            values.add(entry.source());
        }
        return Fingerprints.of(values);
    }

    private static List<Day> toDays(List<ScheduleEntry> entries) {
        return entries.stream()
                .map(entry -> new Day(entry.date().toString(), entry.kind(), entry.name(), entry.source()))
                .toList();
    }
}
