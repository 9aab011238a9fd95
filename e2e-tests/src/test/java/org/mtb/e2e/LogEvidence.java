package org.mtb.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the stack's logs say about a step that waited in vain, for its failure message: CI shows the message, not the
 * logs. Of each part's log, the last lines that name the application or tell of a start, a partition assignment, a
 * rebalance, a warning or an error.
 */
final class LogEvidence {

    private static final Pattern TELLING = Pattern.compile(
            "Started |partitions (assigned|revoked|lost)|rebalanc|Stabilized group| WARN | ERROR ");
    /** Kafka's client warns of each connection refused while its broker is down: many lines, told by the rest. */
    private static final Pattern NOISE = Pattern.compile("clients\\.NetworkClient|SpringDoc");
    private static final int LINES_PER_PART = 25;
    private static final int LINE_LENGTH = 300;

    private LogEvidence() {
    }

    static String of(Path logsDir, String applicationNumber, String... parts) {
        StringBuilder evidence = new StringBuilder();
        for (String part : parts) {
            evidence.append("--- ").append(part).append(".log, last lines naming ").append(applicationNumber)
                    .append(" or telling of starts, assignments, rebalances, warnings, errors:\n");
            for (String line : telling(logsDir.resolve(part + ".log"), applicationNumber)) {
                evidence.append(line.length() > LINE_LENGTH ? line.substring(0, LINE_LENGTH) + "…" : line)
                        .append('\n');
            }
        }
        return evidence.toString();
    }

    private static List<String> telling(Path log, String applicationNumber) {
        if (!Files.isRegularFile(log)) {
            return List.of("(no log at " + log + ")");
        }
        List<String> kept = new ArrayList<>();
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.filter(line -> line.contains(applicationNumber)
                    || TELLING.matcher(line).find() && !NOISE.matcher(line).find()).forEach(line -> {
                kept.add(line);
                if (kept.size() > LINES_PER_PART) {
                    kept.removeFirst();
                }
            });
        } catch (IOException | UncheckedIOException unreadable) {
            return List.of("(log unreadable: " + unreadable + ")");
        }
        return kept;
    }
}
