package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out acceptance numbers {@code <region>-<yyyyMMdd>-<6-digit sequence>}, e.g. {@code 620900-20261123-000001}:
 * readable over the phone, sortable, and unique through an atomic counter per region and day. Each instance takes
 * the counter forward by a block ({@code intake.number-block-size}) at a time and hands the block's numbers out from
 * memory, so a busy day costs one counter update per block, not per application. Once half a block is handed out,
 * the next block is reserved in the background, so that no request waits for the counter while the others queue
 * behind it (they did, every block, under load). Numbers stay unique across instances and restarts; they are not
 * gapless: what is left of a block, and a block reserved ahead, is skipped when its instance stops, and two instances
 * number their applications from different blocks side by side.
 */
@Component
class ApplicationNumbers {

    private static final Logger log = LoggerFactory.getLogger(ApplicationNumbers.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final MongoTemplate mongo;
    private final int blockSize;
    private final Map<String, Block> blocks = new ConcurrentHashMap<>();

    ApplicationNumbers(MongoTemplate mongo, IntakeProperties properties) {
        this.mongo = mongo;
        this.blockSize = properties.numberBlockSize();
    }

    String next(String regionCode, LocalDate day) {
        String counter = regionCode + "-" + DAY.format(day);
        Block block = blocks.get(counter);
        if (block == null) {
            // A region's first number of the day: the blocks of earlier days are done with.
            String today = DAY.format(day);
            blocks.keySet().removeIf(other -> !other.endsWith(today));
            // An empty block: the first caller reserves one.
            block = blocks.computeIfAbsent(counter, c -> new Block(1, 0));
        }
        while (true) {
            long sequence = block.next.getAndIncrement();
            if (sequence <= block.last) {
                if (sequence == block.reserveFollowingAt) {
                    block.following = reserveAhead(counter);
                }
                return counter + "-" + sixDigits(sequence);
            }
            block = nextBlock(counter, block);
        }
    }

    /**
     * The block after {@code spent}: the one reserved ahead for it (waited for if still on its way), or, where there is
     * none or its reservation failed, one reserved now by the first caller to find it spent; the others take it from
     * there.
     */
    private Block nextBlock(String counter, Block spent) {
        synchronized (spent) {
            Block current = blocks.get(counter);
            if (current != null && current != spent) {
                return current;
            }
            long last = reservedAhead(spent);
            if (last < 0) {
                last = reserve(counter);
            }
            Block fresh = new Block(last - blockSize + 1, last);
            blocks.put(counter, fresh);
            return fresh;
        }
    }

    /** Reserves the block after the current one on a thread of its own. */
    private CompletableFuture<Long> reserveAhead(String counter) {
        return CompletableFuture.supplyAsync(() -> reserve(counter),
                task -> Thread.ofVirtual().name("application-numbers-ahead").start(task));
    }

    /** The last number of the block reserved ahead of {@code spent}; -1 when none was, or its reservation failed. */
    private static long reservedAhead(Block spent) {
        CompletableFuture<Long> following = spent.following;
        if (following == null) {
            return -1;
        }
        try {
            return following.join();
        } catch (CompletionException | CancellationException failed) {
            log.warn("Could not reserve application numbers ahead; reserving them now: {}", failed.getCause() == null
                    ? failed.toString() : failed.getCause().toString());
            return -1;
        }
    }

    private static String sixDigits(long sequence) {
        String digits = Long.toString(sequence);
        return digits.length() >= 6 ? digits : "000000".substring(digits.length()) + digits;
    }

    /** Takes the counter forward by a block; answers the block's last number. */
    private long reserve(String counter) {
        Document updated = mongo.findAndModify(Query.query(where("_id").is(counter)),
                new Update().inc("sequence", (long) blockSize),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "application_counters");
        return ((Number) updated.get("sequence")).longValue();
    }

    /**
     * Numbers {@code next} to {@code last} of a reserved block; {@code next} passes {@code last} once it is spent. The
     * caller handed {@code reserveFollowingAt} (half the block) starts the reservation of the {@code following} one.
     */
    private static final class Block {
        private final AtomicLong next;
        private final long last;
        private final long reserveFollowingAt;
        private volatile @Nullable CompletableFuture<Long> following;

        Block(long first, long last) {
            this.next = new AtomicLong(first);
            this.last = last;
            this.reserveFollowingAt = first + (last - first + 1) / 2;
        }
    }
}
