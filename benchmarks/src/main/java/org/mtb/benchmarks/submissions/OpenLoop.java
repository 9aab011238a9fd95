package org.mtb.benchmarks.submissions;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Requests at a fixed rate, each sent at its moment whatever the answers to those before it take, as many independent
 * channels would send them; all on one thread over non-blocking keep-alive connections, one request at a time per
 * connection, a new connection whenever none is free. The load's JVM shares two cores with the stack it measures: a
 * thread per request waiting in a blocking read cost it a hand-over and a wake-up or two per request
 * (benchmarks/README.md, "The load driver on one thread"). A pooled connection the server had closed fails before any
 * answer arrived: its request is then sent once more on a new connection (each submission carries an idempotency key,
 * so it cannot apply twice). No request is sent again otherwise; an error or a timeout is counted.
 */
final class OpenLoop implements AutoCloseable {

    /** What a loop sends, and what an answer means. */
    interface Requests {

        /** The bytes of request {@code index}. */
        byte[] request(int index);

        /** Request {@code index}'s outcome from its answer. */
        Outcome answered(int index, KeepAliveHttp.Answer answer, long latencyMicros, long answeredAtMillis);
    }

    /** The requests of a run, and how far, at worst, their sending fell behind its schedule. */
    record Run(LoadResult result, int sent, double maxBehindMillis) {
    }

    private static final long TIMEOUT_CHECK_NANOS = 100_000_000;

    private final InetSocketAddress server;
    private final long timeoutNanos;
    private final int maxInFlight;
    private final Selector selector;
    private final ArrayDeque<LoopConnection> idle = new ArrayDeque<>();
    private final Set<LoopConnection> busy = new HashSet<>();

    /** {@code maxInFlight}: beyond this many unanswered requests the sending waits, and falls behind its schedule. */
    OpenLoop(InetSocketAddress server, Duration timeout, int maxInFlight) {
        this.server = server;
        this.timeoutNanos = timeout.toNanos();
        this.maxInFlight = maxInFlight;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Requests {@code first} to {@code first + count - 1}, one every {@code intervalNanos}, and every answer. */
    Run run(int first, int count, double intervalNanos, Requests requests) throws IOException {
        LoadResult result = new LoadResult();
        long start = System.nanoTime();
        long maxBehind = 0;
        long nextTimeoutCheck = start + TIMEOUT_CHECK_NANOS;
        int next = 0;
        while (next < count || !busy.isEmpty()) {
            long now = System.nanoTime();
            for (long due = start + (long) (next * intervalNanos); next < count && due <= now
                    && busy.size() < maxInFlight; due = start + (long) (next * intervalNanos)) {
                maxBehind = Math.max(maxBehind, System.nanoTime() - due);
                send(first + next, requests.request(first + next), 0, result, requests);
                next++;
            }
            if (now >= nextTimeoutCheck) {
                expire(now, result);
                nextTimeoutCheck = now + TIMEOUT_CHECK_NANOS;
            }
            boolean sending = next < count && busy.size() < maxInFlight;
            long wait = Math.min(nextTimeoutCheck, sending ? start + (long) (next * intervalNanos) : Long.MAX_VALUE)
                    - System.nanoTime();
            if (wait <= 0) {
                selector.selectNow();
            } else {
                selector.select((wait + 999_999) / 1_000_000);
            }
            handleReady(result, requests);
        }
        result.finish();
        return new Run(result, next, maxBehind / 1e6);
    }

    @Override
    public void close() {
        for (SelectionKey key : selector.keys()) {
            ((LoopConnection) key.attachment()).close();
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    /** Request {@code index}, or again, if {@code firstSentNanos} is not 0, on a new connection. */
    private void send(int index, byte[] request, long firstSentNanos, LoadResult result, Requests requests)
            throws IOException {
        boolean again = firstSentNanos != 0;
        long sentNanos = again ? firstSentNanos : System.nanoTime();
        LoopConnection connection = again ? null : idle.pollFirst();
        boolean pooled = connection != null;
        if (connection == null) {
            try {
                connection = open();
            } catch (IOException e) {
                result.add(Outcome.noAnswer(index, (System.nanoTime() - sentNanos) / 1000, e));
                return;
            }
        }
        connection.begin(index, request, pooled, again, sentNanos);
        busy.add(connection);
        if (connection.channel.isConnected()) {
            write(connection, result, requests);
        }
    }

    private LoopConnection open() throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            LoopConnection connection = new LoopConnection(channel);
            boolean connected = channel.connect(server);
            connection.key = channel.register(selector, connected ? 0 : SelectionKey.OP_CONNECT, connection);
            return connection;
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    private void handleReady(LoadResult result, Requests requests) throws IOException {
        Iterator<SelectionKey> ready = selector.selectedKeys().iterator();
        while (ready.hasNext()) {
            SelectionKey key = ready.next();
            ready.remove();
            LoopConnection connection = (LoopConnection) key.attachment();
            if (!key.isValid()) {
                continue;
            }
            try {
                if (key.isConnectable()) {
                    connection.channel.finishConnect();
                    write(connection, result, requests);
                } else if (key.isWritable()) {
                    write(connection, result, requests);
                } else if (key.isReadable()) {
                    read(connection, result, requests);
                }
            } catch (IOException e) {
                failed(connection, e, result, requests);
            }
        }
    }

    private void write(LoopConnection connection, LoadResult result, Requests requests) throws IOException {
        try {
            connection.channel.write(connection.out);
        } catch (IOException e) {
            failed(connection, e, result, requests);
            return;
        }
        connection.key.interestOps(connection.out.hasRemaining() ? SelectionKey.OP_WRITE : SelectionKey.OP_READ);
    }

    private void read(LoopConnection connection, LoadResult result, Requests requests) throws IOException {
        if (connection.in.length == connection.inLength) {
            connection.in = Arrays.copyOf(connection.in, connection.in.length * 2);
        }
        int read;
        try {
            read = connection.channel.read(ByteBuffer.wrap(connection.in, connection.inLength,
                    connection.in.length - connection.inLength));
        } catch (IOException reset) {
            if (connection.index >= 0) {
                throw reset;
            }
            read = -1;
        }
        if (read == 0) {
            return;
        }
        if (connection.index < 0) {
            // An idle connection the server closed or reset, or wrote to unasked: not to be used again.
            idle.remove(connection);
            connection.close();
            return;
        }
        if (read < 0) {
            failed(connection, new EOFException("the connection ended in the middle of an answer"), result, requests);
            return;
        }
        connection.inLength += read;
        KeepAliveHttp.Answer answer;
        try {
            answer = AnswerBytes.complete(connection.in, connection.inLength);
        } catch (RuntimeException unreadable) {
            failed(connection, new KeepAliveHttp.MalformedAnswer(unreadable), result, requests);
            return;
        }
        if (answer != null) {
            long latencyMicros = (System.nanoTime() - connection.sentNanos) / 1000;
            result.add(requests.answered(connection.index, answer, latencyMicros, System.currentTimeMillis()));
            busy.remove(connection);
            if ("close".equalsIgnoreCase(answer.headers().get("connection"))) {
                connection.close();
            } else {
                connection.end();
                idle.addFirst(connection);
            }
        }
    }

    /**
     * A request that got no whole answer: sent once more on a new connection if its pooled one had been closed
     * before anything came back, otherwise counted as failed.
     */
    private void failed(LoopConnection connection, IOException e, LoadResult result, Requests requests)
            throws IOException {
        busy.remove(connection);
        connection.close();
        boolean stale = connection.pooled && !connection.again && connection.inLength == 0
                && !(e instanceof KeepAliveHttp.MalformedAnswer);
        if (stale) {
            send(connection.index, connection.request, connection.sentNanos, result, requests);
            return;
        }
        long latencyMicros = (System.nanoTime() - connection.sentNanos) / 1000;
        result.add(Outcome.noAnswer(connection.index, latencyMicros, e));
    }

    private void expire(long now, LoadResult result) {
        for (Iterator<LoopConnection> waiting = busy.iterator(); waiting.hasNext();) {
            LoopConnection connection = waiting.next();
            if (now - connection.sentNanos > timeoutNanos) {
                waiting.remove();
                connection.close();
                result.add(Outcome.noAnswer(connection.index, (now - connection.sentNanos) / 1000,
                        new SocketTimeoutException("no answer within " + Duration.ofNanos(timeoutNanos))));
            }
        }
    }
}
