package org.mtb.intake.application;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Hands out acceptance numbers {@code <region>-<yyyyMMdd>-<6-digit sequence>}, e.g. {@code 620900-20261123-000001}:
 * readable over the phone, sortable, and unique through an atomic counter per region and day. Each instance takes
 * the counter forward by a block ({@code intake.number-block-size}) at a time and hands the block's numbers out from
 * memory, so a busy day costs one counter update per block, not per application. Numbers stay unique across
 * instances and restarts; they are not gapless: the rest of a block is skipped when its instance stops, and two
 * instances number their applications from different blocks side by side.
 */
@Component
class ApplicationNumbers {

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
            block = blocks.computeIfAbsent(counter, c -> new Block());
        }
        long sequence;
        synchronized (block) {
            if (block.next > block.last) {
                block.last = reserve(counter);
                block.next = block.last - blockSize + 1;
            }
            sequence = block.next++;
        }
        return "%s-%06d".formatted(counter, sequence);
    }

    /** Takes the counter forward by a block; answers the block's last number. */
    private long reserve(String counter) {
        Document updated = mongo.findAndModify(Query.query(where("_id").is(counter)),
                new Update().inc("sequence", (long) blockSize),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, "application_counters");
        return ((Number) updated.get("sequence")).longValue();
    }

    private static final class Block {
        private long next = 1;
        private long last;
    }
}
