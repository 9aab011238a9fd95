package org.mtb.stack;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The processes a {@link LocalStack} started, by part name, and the class archives or AOT caches some of them record
 * from nothing until they are first seen healthy. Every process tracked here is stopped by {@link #stop}, and, should
 * the stack's caller forget, by a shutdown hook registered with the first, so a finished test run leaves no broker
 * behind.
 */
final class RunningParts {

    private final Map<String, ManagedProcess> running = new ConcurrentHashMap<>();
    /** Parts recording a class archive or AOT cache from nothing, until they are first seen healthy. */
    private final Map<String, ExtractedJars.Launch> recordingUntilHealthy = new ConcurrentHashMap<>();
    private final Thread shutdownHook;
    private boolean hookRegistered;

    /** @param stopAll what the shutdown hook runs: the stack's own stop, which stops the parts in their order */
    RunningParts(Runnable stopAll) {
        this.shutdownHook = new Thread(stopAll, "local-stack-shutdown");
    }

    ManagedProcess track(ManagedProcess process) {
        registerShutdownHook();
        running.put(process.name(), process);
        return process;
    }

    /** Tracks a process launched from an extracted jar, and what it records from nothing until it is healthy. */
    ManagedProcess track(ManagedProcess process, ExtractedJars.Launch launch) {
        if (launch.recordsAnew() != null) {
            recordingUntilHealthy.put(process.name(), launch);
        } else {
            recordingUntilHealthy.remove(process.name());
        }
        return track(process);
    }

    /** The part was seen healthy: what it records is whole once its JVM stops. */
    void healthy(String part) {
        recordingUntilHealthy.remove(part);
    }

    /** The process of a part, alive or not, or null when none was started or it was stopped. */
    ManagedProcess get(String part) {
        return running.get(part);
    }

    boolean isRunning(String part) {
        ManagedProcess process = running.get(part);
        return process != null && process.isAlive();
    }

    /**
     * Stops a part and waits for its exit. One stopped before it was first healthy (Ctrl-C while the stack starts, a
     * failed start) loses the archive or cache it was recording: its JVM wrote one of the classes it had loaded so far,
     * which every later start would read instead of recording a whole one.
     */
    void stop(String part) {
        ManagedProcess process = running.remove(part);
        if (process != null) {
            process.stop();
        }
        ExtractedJars.Launch unfinished = recordingUntilHealthy.remove(part);
        if (unfinished != null) {
            ExtractedJars.discardUnfinished(unfinished);
        }
    }

    /** Removes the shutdown hook once the stack has stopped everything itself. */
    synchronized void closed() {
        if (hookRegistered) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running or about to; it finds nothing left to stop.
            }
            hookRegistered = false;
        }
    }

    private synchronized void registerShutdownHook() {
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(shutdownHook);
            hookRegistered = true;
        }
    }
}
