package org.mtb.stack;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend with its unique indexes and documents in formats H2 handles cheaply.
 *
 * <p>The stock backend stores an index's keys ({@link KeyValue}, which is not {@link Comparable}) and the documents
 * with H2's generic type: keys ordered by their Java-serialized bytes, so that every step of every index lookup
 * serialized two objects, and keys and documents written with Java serialization. Profiles of the local stack under
 * load showed these in most of the server's CPU time. Here index keys are ordered by their values and written as
 * BSON ({@link IndexKeyType}, kept with that form in {@link StoredKey}), documents are kept and written as BSON
 * ({@link StoredDocument}), and their ids, keys of the documents and values of the indexes, are compared and written
 * without H2's walk through the types ({@link DocumentIdType}, in H2's own order and bytes). An index or a
 * collection written by the stock backend, or by an earlier version of this one, is rewritten once when first opened
 * (recorded in the maps {@value OrderedKeysDatabase#KEY_ORDER_MAP} and
 * {@value OrderedKeysDatabase#DOCUMENT_FORMAT_MAP}), so an existing data directory keeps working. The database class
 * is {@link OrderedKeysDatabase}; H2's changes are committed by a thread of their own ({@link ChangeCommits}), and
 * the file is forced to the disk by another each second it was written ({@link FileSyncs}).
 */
final class OrderedKeysH2Backend extends H2Backend {

    /**
     * Unsaved changes gathered before they are committed ({@link ChangeCommits}), in bytes. With H2's default (1 MB) a
     * busy stack made H2 write several times a second, serializing a page again for every write that touched it; it
     * still writes at least once a second (H2's commit delay), so no more is at stake in a crash than before. With 16
     * MB the pages waiting to be written were what each young collection copied: pauses of 46-51 ms every 0.4 s, an
     * old generation grown to hold what they promoted, and MongoDB at 553-570 MB after a long load; with 4 MB, 35 ms,
     * no full collection, 387 MB, and no change in what the stack takes beyond this machine's drift
     * (benchmarks/README.md, a warm platform).
     */
    private static final int UNSAVED_BYTES_BEFORE_COMMIT = 4 * 1024 * 1024;
    /**
     * H2's own auto-commit size, in KB, at which the thread that writes commits: twice {@link
     * #UNSAVED_BYTES_BEFORE_COMMIT}, so that only a commit thread fallen behind leaves it to the command thread.
     */
    private static final int UNSAVED_KB_BEFORE_COMMAND_THREAD_COMMITS = 8 * 1024;
    /**
     * The size at which H2 splits a page, in bytes. A page is written whole when one of its entries changed: with
     * H2's default (48 KB) each changed document had a dozen unchanged neighbours encoded again with it.
     */
    private static final int PAGE_SPLIT_BYTES = 8 * 1024;

    /** Null only while H2Backend's constructor opens the databases in the file, before any command. */
    private final ChangeCommits commits;
    /** Forces the file to the disk each second it was written ({@link FileSyncs}). */
    private final FileSyncs syncs;

    OrderedKeysH2Backend(String file) {
        super(new MVStore.Builder().fileName(file).autoCommitBufferSize(UNSAVED_KB_BEFORE_COMMAND_THREAD_COMMITS)
                .pageSplitSize(PAGE_SPLIT_BYTES).open());
        this.commits = ChangeCommits.start(getMvStore(), UNSAVED_BYTES_BEFORE_COMMIT);
        this.syncs = FileSyncs.start(getMvStore(), FileSyncs.DEFAULT_INTERVAL);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new OrderedKeysDatabase(databaseName, getMvStore(), getCursorRegistry(), this::afterCommand);
    }

    private void afterCommand() {
        if (commits != null) {
            commits.afterCommand();
        }
    }

    /** Stops the commit and sync threads, then commits what is left and closes the store. */
    @Override
    public void close() {
        commits.close();
        syncs.close();
        super.close();
    }

    boolean committingApart() {
        return commits.running();
    }

    boolean forcingApart() {
        return syncs.running();
    }
}
