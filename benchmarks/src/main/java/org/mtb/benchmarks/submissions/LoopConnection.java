package org.mtb.benchmarks.submissions;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/** A connection of an {@link OpenLoop} and the request it carries, if any: read and written on the loop's thread. */
final class LoopConnection {

    final SocketChannel channel;
    SelectionKey key;
    byte[] in = new byte[8192];
    int inLength;
    int index = -1;
    byte[] request;
    ByteBuffer out;
    long sentNanos;
    boolean pooled;
    boolean again;

    LoopConnection(SocketChannel channel) {
        this.channel = channel;
    }

    void begin(int index, byte[] request, boolean pooled, boolean again, long sentNanos) {
        this.index = index;
        this.request = request;
        this.out = ByteBuffer.wrap(request);
        this.pooled = pooled;
        this.again = again;
        this.sentNanos = sentNanos;
        this.inLength = 0;
    }

    void end() {
        index = -1;
        request = null;
        out = null;
        inLength = 0;
        key.interestOps(SelectionKey.OP_READ);
    }

    void close() {
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
