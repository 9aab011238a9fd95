package org.mtb.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** TCP checks: the stack binds 127.0.0.1 only, so that is where it looks. */
final class Ports {

    private static final String HOST = "127.0.0.1";

    private Ports() {
    }

    /**
     * {@code count} distinct free ports: every socket is held until all are chosen, since a port closed at once may
     * be handed out again by the next ask.
     */
    static java.util.List<Integer> freePorts(int count) {
        java.util.List<ServerSocket> held = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                held.add(new ServerSocket(0, 1, InetAddress.getByName(HOST)));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("No free TCP port on " + HOST, e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // Closing a socket that never served anything; the port is free either way.
                }
            }
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Fails before anything is started when a port is taken, because a child that cannot bind
     * only says so deep in its log, and a stale server would silently be used instead.
     */
    static void requireFree(int port, String what, String variable) {
        if (isListening(port) || !canBind(port)) {
            throw new IllegalStateException("Port " + port + " (" + what + ") is already in use on " + HOST
                    + ". Stop whatever listens there (a stack started earlier: ./mtb down), or pick another port, e.g. "
                    + variable + "=" + (port + 10) + " ./mtb up");
        }
    }

    /** Waits until the port accepts connections; gives up early when the process that should open it has died. */
    static void awaitListening(int port, Duration timeout, ManagedProcess owner) {
        Instant deadline = Instant.now().plus(timeout);
        while (!isListening(port)) {
            if (!owner.isAlive()) {
                throw new StackException(owner.name(), owner.logFile(),
                        owner.name() + " exited with code " + owner.exitValue() + " before listening on port " + port);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(owner.name(), owner.logFile(),
                        owner.name() + " did not listen on port " + port + " within " + timeout.toSeconds() + " s");
            }
            sleep(Duration.ofMillis(250));
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(HOST, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
