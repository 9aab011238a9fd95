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
 * logs.
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

    /**
     * The last lines of a part's log that contain {@code needle} or, when {@code withStartsAndWarnings}, tell of a
     * start, a partition assignment, a rebalance, a warning or an error.
     */
    static String of(Path logsDir, String part, String needle, boolean withStartsAndWarnings) {
        StringBuilder evidence = new StringBuilder("--- ").append(part).append(".log, last lines naming ")
                .append(needle).append(withStartsAndWarnings ? " or telling of starts, assignments, rebalances, "
                        + "warnings, errors" : "").append(":\n");
        for (String line : telling(logsDir.resolve(part + ".log"), needle, withStartsAndWarnings)) {
            evidence.append(line.length() > LINE_LENGTH ? line.substring(0, LINE_LENGTH) + "…" : line).append('\n');
        }
        return evidence.toString();
    }

    private static List<String> telling(Path log, String needle, boolean withStartsAndWarnings) {
        if (!Files.isRegularFile(log)) {
            return List.of("(no log at " + log + ")");
        }
        List<String> kept = new ArrayList<>();
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            lines.filter(line -> line.contains(needle) || withStartsAndWarnings && TELLING.matcher(line).find()
                    && !NOISE.matcher(line).find()).forEach(line -> {
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
