package org.mtb.contracts;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

/**
 * Event ids, and other ids stored as document keys, as version 7 UUIDs (RFC 9562): the first 48 bits are the
 * milliseconds since 1970, the rest random but for the version and the variant. Ids made one after another sort one
 * after another, so a collection keyed by them (notification's messages, keyed by the event that caused them) takes
 * each new document beside the last rather than in a random page of its index: MongoDB's own {@code ObjectId} is
 * time-ordered for the same reason. Consumers keep treating an event id as an opaque UUID; nothing may read a time
 * out of it. 74 random bits a millisecond keep two ids apart; they are not secrets, so a fast generator is enough.
 */
public final class TimeOrderedIds {

    private static final int VERSION_7 = 0x7000;
    private static final long VARIANT_RFC_9562 = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {
    }

    /** A new id for this moment. */
    public static UUID next() {
        return at(System.currentTimeMillis());
    }

    /** The id for {@code epochMillis}, with fresh random bits. */
    static UUID at(long epochMillis) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return of(epochMillis, random::nextLong);
    }

    static UUID of(long epochMillis, LongSupplier random) {
        long high = (epochMillis & 0xFFFF_FFFF_FFFFL) << 16 | VERSION_7 | (random.getAsLong() & 0x0FFF);
        long low = VARIANT_RFC_9562 | (random.getAsLong() & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }
}
