package org.mtb.stack;

import java.nio.file.Path;

/** A part of the stack failed to start or stop; carries its log file so the caller can show what it said. */
public final class StackException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String part;
    private final transient Path logFile;

    StackException(String part, Path logFile, String message) {
        super(message);
        this.part = part;
        this.logFile = logFile;
    }

    /** {@code mongo}, {@code kafka} or a service name. */
    public String part() {
        return part;
    }

    public Path logFile() {
        return logFile;
    }
}
