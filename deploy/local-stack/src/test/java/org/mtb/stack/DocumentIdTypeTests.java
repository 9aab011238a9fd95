package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.ObjectId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Document ids are ordered, written and read exactly as H2's generic type does it, strings only faster. */
class DocumentIdTypeTests {

    private static final DocumentIdType TYPE = DocumentIdType.INSTANCE;
    private static final ObjectDataType H2 = new ObjectDataType();

    /** Ids as the services make them, and the few other values a collection can hold as its key. */
    private static final Object[] IDS = {"659006-20261202-000001", "659006-20261202-000010", "620900-20261202-000001",
        "", "a", "fifteen letters", "sixteen letters!", "门诊慢特病-申请-001", "0b5cbd3e-2f0a-4c5e-9d3a-7f1e2c4b6a80",
        "evt-7c9e6679-7425-40de-944b-e07fc1f90ae7", 7, 7L, 2.5, new ObjectId("6745f0a1c2b3d4e5f6a7b8c9"),
        UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479"), Missing.getInstance()};

    @Test
    void writesTheBytesH2WritesAndReadsTheSameIdBack() {
        for (Object id : IDS) {
            var written = StoredForm.of(TYPE, id);

            assertThat(written).as("%s", id).isEqualTo(StoredForm.of(H2, id));
            Object read = TYPE.read(written);
            if (id instanceof Missing) { // Java-serialized, as H2 writes it: a new Missing, equal to none
                assertThat(read).isInstanceOf(Missing.class);
            } else {
                assertThat(read).as("%s", id).isEqualTo(id);
            }
            assertThat(written.remaining()).isZero();
            if (id instanceof String) { // H2 estimates a serialized object's memory from those seen before
                assertThat(TYPE.getMemory(id)).as("%s", id).isEqualTo(H2.getMemory(id));
            }
        }
    }

    @Test
    void ordersAsH2Orders() {
        for (Object left : IDS) {
            for (Object right : IDS) {
                assertThat(Integer.signum(TYPE.compare(left, right))).as("%s against %s", left, right)
                        .isEqualTo(Integer.signum(H2.compare(left, right)));
            }
        }
    }

    @Test
    void findsWhatH2FindsInAPageFromAnyFirstGuess() {
        List<Object> page = new ArrayList<>(Arrays.asList(IDS));
        page.remove(Missing.getInstance()); // not comparable with every other value, as in H2
        page.sort(H2::compare);
        Object[] storage = page.toArray();
        List<Object> wanted = new ArrayList<>(page);
        wanted.addAll(List.of("0", "659006-20261202-000002", "zzz", 8, "门"));
        for (Object key : wanted) {
            for (int guess = 0; guess <= storage.length + 1; guess++) {
                assertThat(TYPE.binarySearch(key, storage, storage.length, guess)).as("%s from %s", key, guess)
                        .isEqualTo(H2.binarySearch(key, storage, storage.length, guess));
            }
        }
    }

    @Test
    void readsAMapWrittenWithH2sTypeAndTheStockTypeReadsItsMap(@TempDir Path directory) {
        String file = directory.resolve("ids.mv.db").toString();
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, String> stock = store.openMap("documents");
            for (int i = 0; i < 5_000; i++) {
                stock.put("659006-20261202-" + String.format("%06d", i), "stock " + i);
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, String> typed = store.openMap("documents",
                    new MVMap.Builder<Object, String>().keyType(TYPE));
            assertThat(typed.get("659006-20261202-004321")).isEqualTo("stock 4321");
            assertThat(typed.firstKey()).isEqualTo("659006-20261202-000000");
            for (int i = 5_000; i < 10_000; i++) {
                typed.put("659006-20261202-" + String.format("%06d", i), "typed " + i);
            }
        }
        try (MVStore store = new MVStore.Builder().fileName(file).open()) {
            MVMap<Object, String> stock = store.openMap("documents");
            assertThat(stock.size()).isEqualTo(10_000);
            assertThat(stock.get("659006-20261202-007654")).isEqualTo("typed 7654");
            assertThat(stock.get("659006-20261202-000012")).isEqualTo("stock 12");
            assertThat(stock.lastKey()).isEqualTo("659006-20261202-009999");
        }
    }

    /**
     * The type is one instance for every map and thread: the server's workers and H2's background writer (which
     * compares keys as it compacts the file) use it at once. H2's generic type remembers the last type it met, and
     * comparing two object ids while another thread met an int or a UUID failed "Can not compare", which made H2 close
     * the whole store (seen on 2026-12-02 under load: every command failed from then on).
     */
    @Test
    void comparesObjectIdsWhileOtherThreadsMeetOtherTypes() throws InterruptedException {
        ObjectId smaller = new ObjectId("6745f0a1c2b3d4e5f6a7b8c9");
        ObjectId larger = new ObjectId("6745f0a1c2b3d4e5f6a7b8ca");
        int expected = Integer.signum(H2.compare(smaller, larger));
        var intForm = StoredForm.of(H2, (Object) 7);
        UUID uuid = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");
        long until = System.nanoTime() + 3_000_000_000L;
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            boolean comparing = t % 2 == 0;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (failure.get() == null && System.nanoTime() < until) {
                        if (comparing) {
                            assertThat(Integer.signum(TYPE.compare(smaller, larger))).isEqualTo(expected);
                            assertThat(TYPE.binarySearch(larger, new Object[] {smaller, larger}, 2, 0)).isEqualTo(1);
                        } else {
                            TYPE.getMemory(7);
                            TYPE.read(intForm.duplicate());
                            TYPE.getMemory(uuid);
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failure.get()).isNull();
    }
}
