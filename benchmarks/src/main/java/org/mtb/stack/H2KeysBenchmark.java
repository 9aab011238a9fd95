package org.mtb.stack;

import de.bwaldvogel.mongo.backend.KeyValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the local MongoDB's H2 store pays for the keys of one collection of 100,000 documents keyed by application
 * number, as intake's and review's largest are. In the package of the types it measures, which are the local
 * MongoDB's own.
 * <ul>
 * <li>{@link #findById}: a document looked up by {@code _id} (every read and update of one document), with H2's
 * generic type ({@code h2}, mongo-java-server's) and with {@link DocumentIdType} ({@code documentId}) side by
 * side;</li>
 * <li>{@link #writeIdPage}: the ids of one page of 64 documents written out, as H2 writes every page that changed;</li>
 * <li>{@link #findInUniqueIndex}: the same id looked up in the collection's unique {@code _id} index
 * ({@link StoredKey}), as every insert (is it there already?) and every query by {@code _id} does first.</li>
 * </ul>
 * In memory: the searches and the encoding, not the file.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class H2KeysBenchmark {

    private static final int DOCUMENTS = 100_000;
    private static final int PAGE = 64;

    /** The documents of a collection, keyed by their ids with the type named. */
    @State(Scope.Thread)
    public static class Documents {

        @Param({"h2", "documentId"})
        public String idType;

        BasicDataType<Object> type;
        MVStore store;
        MVMap<Object, Integer> byId;
        Object[] page;
        final WriteBuffer buffer = new WriteBuffer();
        final Lookups lookups = new Lookups();

        @Setup(Level.Trial)
        public void fill() {
            type = idType.equals("h2") ? new ObjectDataType() : DocumentIdType.INSTANCE;
            store = new MVStore.Builder().open();
            byId = store.openMap("documents", new MVMap.Builder<Object, Integer>().keyType(type));
            for (int i = 0; i < DOCUMENTS; i++) {
                byId.put(applicationNumber(i), i);
            }
            page = new Object[PAGE];
            for (int i = 0; i < PAGE; i++) {
                page[i] = applicationNumber(DOCUMENTS / 2 + i);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    /** The collection's unique {@code _id} index, as the local MongoDB keeps it. */
    @State(Scope.Thread)
    public static class UniqueIndex {

        MVStore store;
        MVMap<StoredKey, Object> positions;
        final Lookups lookups = new Lookups();

        @Setup(Level.Trial)
        public void fill() {
            store = new MVStore.Builder().open();
            positions = store.openMap("index", new MVMap.Builder<StoredKey, Object>().keyType(StoredKey.Type.INSTANCE)
                    .valueType(DocumentIdType.INSTANCE));
            for (int i = 0; i < DOCUMENTS; i++) {
                String id = applicationNumber(i);
                positions.put(new StoredKey(new KeyValue(id)), id);
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            store.close();
        }
    }

    @Benchmark
    public Integer findById(Documents documents) {
        return documents.byId.get(documents.lookups.next());
    }

    @Benchmark
    public int writeIdPage(Documents documents) {
        documents.buffer.clear();
        documents.type.write(documents.buffer, documents.page, PAGE);
        return documents.buffer.position();
    }

    @Benchmark
    public Object findInUniqueIndex(UniqueIndex index) {
        return index.positions.get(new StoredKey(new KeyValue(index.lookups.next())));
    }

    /** Every id once, in an order of their own, then again. */
    static final class Lookups {

        private final String[] ids;
        private int next;

        Lookups() {
            List<String> all = new ArrayList<>(DOCUMENTS);
            for (int i = 0; i < DOCUMENTS; i++) {
                all.add(applicationNumber(i));
            }
            Collections.shuffle(all, new Random(20261202));
            ids = all.toArray(String[]::new);
        }

        String next() {
            String id = ids[next];
            next = next + 1 == ids.length ? 0 : next + 1;
            return id;
        }
    }

    private static String applicationNumber(int i) {
        String[] regions = {"659006", "620900", "520200"};
        return regions[i % 3] + "-2026" + String.format("%04d", 1201 + i % 2) + "-" + String.format("%06d", i);
    }
}
