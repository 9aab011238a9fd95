package org.mtb.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a holiday schedule in the project's reference format, one range a line:
 * {@code year,date_from,date_to,kind(OFF|WORKED),name,source} (dates inclusive; quoted fields may hold commas).
 */
public final class ScheduleFile {

    private ScheduleFile() {
    }

    /** The file's entries and the years it covers; every malformed line is reported at once. */
    public static HolidaySchedule read(InputStream in) {
        List<ScheduleEntry> entries = new ArrayList<>();
        Set<Integer> years = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    List<String> fields = fields(line);
                    LocalDate from = LocalDate.parse(fields.get(1));
                    LocalDate to = LocalDate.parse(fields.get(2));
                    int year = Integer.parseInt(fields.get(0));
                    if (from.getYear() != year || to.getYear() != year || to.isBefore(from)) {
                        throw new IllegalArgumentException("dates must lie in " + year + ", in order");
                    }
                    ScheduleEntry.Kind kind = ScheduleEntry.Kind.valueOf(fields.get(3));
                    years.add(year);
                    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                        entries.add(new ScheduleEntry(day, kind, fields.get(4), fields.get(5)));
                    }
                } catch (IndexOutOfBoundsException | DateTimeParseException | IllegalArgumentException e) {
                    problems.add("line " + number + ": " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Invalid schedule: " + String.join("; ", problems));
        }
        return HolidaySchedule.of(years, entries);
    }

    private static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (fields.size() != 6) {
            throw new IllegalArgumentException("expected 6 fields, found " + fields.size());
        }
        return fields;
    }
}
