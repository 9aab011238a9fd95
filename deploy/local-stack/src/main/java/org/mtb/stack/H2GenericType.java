package org.mtb.stack;

import org.h2.mvstore.type.ObjectDataType;

/**
 * H2's generic type ({@link ObjectDataType}), for the values the local MongoDB's own types leave to it: one instance
 * for each thread. It remembers the last type it met, so one instance shared by every map and thread (the server's
 * workers and H2's background writer, which compares keys as it compacts the file) compared two object ids as if of
 * two types when another thread met an int meanwhile: "Can not compare", on which H2 closed the whole store and every
 * command failed from then on (2026-12-02, a burst that stalled; {@code DocumentIdTypeTests}).
 */
final class H2GenericType {

    private static final ThreadLocal<ObjectDataType> OF_THREAD = ThreadLocal.withInitial(ObjectDataType::new);

    private H2GenericType() {
    }

    /** This thread's instance; never hand it to another thread. */
    static ObjectDataType ofThisThread() {
        return OF_THREAD.get();
    }
}
