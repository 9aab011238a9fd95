package org.mtb.benchmarks;

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
import org.mtb.stack.DocumentIdType;
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
 * What the local MongoDB's H2 store pays for a document's {@code _id}, with H2's generic type ({@code h2}, what
 * mongo-java-server uses) and with {@link DocumentIdType} ({@code documentId}), side by side in one run:
 * <ul>
 * <li>{@link #findById}: a look-up by {@code _id} among 100,000 documents of a collection, as every read, update and
 * index check of one document makes it (the binary search of each page on the way down);</li>
 * <li>{@link #writePage}: the keys of one page of 64 documents written out, as H2 writes every page that changed.</li>
 * </ul>
 * The ids are application numbers, as the largest collections of intake and review are keyed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DocumentIdBenchmark {

    private static final int DOCUMENTS = 100_000;
    private static final int PAGE = 64;

    @Param({"h2", "documentId"})
    public String keys;

    private MVStore store;
    private MVMap<Object, Integer> documents;
    private BasicDataType<Object> type;
    private String[] lookups;
    private Object[] page;
    private final WriteBuffer buffer = new WriteBuffer();
    private int next;

    @Setup(Level.Trial)
    public void fill() {
        type = keys.equals("h2") ? new ObjectDataType() : DocumentIdType.INSTANCE;
        store = new MVStore.Builder().open(); // in memory: the search and the encoding, not the file
        documents = store.openMap("documents", new MVMap.Builder<Object, Integer>().keyType(type));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            String id = applicationNumber(i);
            ids.add(id);
            documents.put(id, i);
        }
        Collections.shuffle(ids, new Random(20261202));
        lookups = ids.toArray(String[]::new);
        page = new Object[PAGE];
        for (int i = 0; i < PAGE; i++) {
            page[i] = applicationNumber(DOCUMENTS / 2 + i);
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        store.close();
    }

    @Benchmark
    public Integer findById() {
        String id = lookups[next];
        next = next + 1 == lookups.length ? 0 : next + 1;
        return documents.get(id);
    }

    @Benchmark
    public int writePage() {
        buffer.clear();
        type.write(buffer, page, PAGE);
        return buffer.position();
    }

    private static String applicationNumber(int i) {
        String[] regions = {"659006", "620900", "520200"};
        return regions[i % 3] + "-2026" + String.format("%04d", 1201 + i % 2) + "-" + String.format("%06d", i);
    }
}
