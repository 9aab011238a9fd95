package org.mtb.stack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/** The end of a log file, which is where a failed start explains itself. */
final class LogTail {

    // Kafka's log grows large; the explanation is always in the last few kilobytes.
    private static final int MAX_BYTES = 64 * 1024;

    private LogTail() {
    }

    static String of(Path logFile, int lines) {
        if (logFile == null || !Files.isRegularFile(logFile)) {
            return "(no log at " + logFile + ")";
        }
        try (SeekableByteChannel channel = Files.newByteChannel(logFile)) {
            long start = Math.max(0, channel.size() - MAX_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
            channel.position(start);
            while (buffer.hasRemaining() && channel.read(buffer) > 0) {
                // keep reading until the buffer is full or the file ends
            }
            // new String(...) replaces malformed bytes, e.g. a UTF-8 character cut at the start.
            String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
            List<String> all = Arrays.asList(text.split("\\R"));
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + logFile + ": " + e.getMessage() + ")";
        }
    }
}
