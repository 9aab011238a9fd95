package org.mtb.stack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;

/**
 * Just enough of the MongoDB wire protocol (one OP_MSG command, one reply) to prove the server
 * stores and returns documents, since this module has no MongoDB driver on its class path.
 */
final class MongoWire {

    private static final int OP_MSG = 2013;

    private MongoWire() {
    }

    static Document command(int port, String database, Document command) throws IOException {
        ByteBuf body = Unpooled.buffer();
        body.writeIntLE(0); // flag bits
        body.writeByte(0); // section kind 0: the command document
        BsonEncoder.encodeDocument(new Document(command).append("$db", database), body);
        ByteBuf message = Unpooled.buffer();
        message.writeIntLE(16 + body.readableBytes());
        message.writeIntLE(1); // request id
        message.writeIntLE(0); // response to
        message.writeIntLE(OP_MSG);
        message.writeBytes(body);

        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(message.array(), message.arrayOffset() + message.readerIndex(), message.readableBytes());
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] lengthBytes = in.readNBytes(4);
            int length = Unpooled.wrappedBuffer(lengthBytes).readIntLE();
            ByteBuf reply = Unpooled.wrappedBuffer(in.readNBytes(length - 4));
            reply.skipBytes(12 + 4 + 1); // rest of header, flag bits, section kind
            return BsonDecoder.decodeBson(reply);
        }
    }

    /** The documents of a reply's first batch (a {@code find}'s, a {@code listIndexes}'). */
    static List<Object> firstBatch(Document reply) {
        return List.copyOf((List<?>) ((Document) reply.get("cursor")).get("firstBatch"));
    }
}
