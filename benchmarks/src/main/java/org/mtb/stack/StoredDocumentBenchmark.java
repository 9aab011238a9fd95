package org.mtb.stack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the local MongoDB pays to read a stored document into the object its commands work on, and to write one back,
 * as every find, update and insert does: an application as intake stores it (3 KB of BSON, nested, with Chinese
 * text; taken from a run of the submissions benchmark, its personal data already encrypted there), with
 * mongo-java-server's stock decoder and encoder on Netty's buffers ({@code stock}, as {@link TaggedBson} used them
 * before) and with {@link DirectBsonReader} / {@link DirectBsonWriter} ({@code direct}) side by side.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class StoredDocumentBenchmark {

    @Param({"stock", "direct"})
    public String codec;

    private Document application;
    private byte[] form;
    private final ByteBuf scratch = Unpooled.buffer(16 * 1024);

    @Setup(Level.Trial)
    public void load() {
        application = StoredApplication.document();
        form = TaggedBson.form(application, application);
        if (!TaggedBson.read(form).equals(application) || !stockRead().equals(application)) {
            throw new IllegalStateException("The two codecs do not read the application back as it was");
        }
    }

    @Benchmark
    public Object read() {
        return codec.equals("stock") ? stockRead() : TaggedBson.read(form);
    }

    @Benchmark
    public byte[] write() {
        if (codec.equals("stock")) {
            scratch.clear();
            BsonEncoder.encodeDocument(application, scratch);
            byte[] bytes = new byte[scratch.readableBytes()];
            scratch.getBytes(0, bytes);
            return bytes;
        }
        return TaggedBson.form(application, application);
    }

    private Document stockRead() {
        ByteBuffer buffer = ByteBuffer.wrap(form);
        buffer.get();
        int length = org.h2.mvstore.DataUtils.readVarInt(buffer);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buffer.slice(buffer.position(), length)));
    }

    /** The application, from its JSON as the MongoDB driver reads it, in mongo-java-server's types. */
    static final class StoredApplication {

        private StoredApplication() {
        }

        static Document document() {
            try (InputStream json = StoredDocumentBenchmark.class.getResourceAsStream("stored-application.json")) {
                org.bson.Document parsed = org.bson.Document.parse(new String(json.readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8));
                return (Document) server(parsed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static Object server(Object value) {
            if (value instanceof Map<?, ?> map) {
                Document document = new Document();
                map.forEach((key, field) -> document.put((String) key, server(field)));
                return document;
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>();
                list.forEach(element -> copy.add(server(element)));
                return copy;
            }
            if (value instanceof Date date) {
                return date.toInstant();
            }
            return value;
        }
    }
}
