package org.mtb.support.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.codecs.BigDecimalCodec;
import org.bson.codecs.BinaryCodec;
import org.bson.codecs.BooleanCodec;
import org.bson.codecs.ByteArrayCodec;
import org.bson.codecs.DateCodec;
import org.bson.codecs.Decimal128Codec;
import org.bson.codecs.DocumentCodec;
import org.bson.codecs.DoubleCodec;
import org.bson.codecs.EnumCodec;
import org.bson.codecs.IntegerCodec;
import org.bson.codecs.LongCodec;
import org.bson.codecs.ObjectIdCodec;
import org.bson.codecs.StringCodec;
import org.bson.codecs.configuration.CodecRegistry;
import org.bson.codecs.jsr310.InstantCodec;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * Whether a codec registry writes the types {@link RawDocuments} writes with the driver's own codecs: then the bytes
 * written there are the bytes the driver would write through it. Each registry is asked once.
 */
final class StockCodecs {

    /** By name: the driver's codecs for lists and maps are not public. */
    private static final Map<Class<?>, String> EXPECTED = expected();
    /**
     * The registries asked about, by identity: a registry's own {@code hashCode} walks its providers (0.8 % of intake's
     * CPU samples when this was a hash map). A service has one or two.
     */
    private static final Map<CodecRegistry, Boolean> KNOWN = Collections.synchronizedMap(new IdentityHashMap<>());
    /** The registry asked about last and its answer, read without a lock. */
    private static volatile Known last = new Known(null, false);

    private StockCodecs() {
    }

    static boolean in(CodecRegistry registry) {
        Known known = last;
        if (known.registry() != registry) {
            known = new Known(registry, KNOWN.computeIfAbsent(registry, StockCodecs::check));
            last = known;
        }
        return known.stock();
    }

    private record Known(@Nullable CodecRegistry registry, boolean stock) {
    }

    private static boolean check(CodecRegistry registry) {
        try {
            for (Map.Entry<Class<?>, String> type : EXPECTED.entrySet()) {
                if (!registry.get(type.getKey()).getClass().getName().equals(type.getValue())) {
                    return false;
                }
            }
            return registry.get(String.class) instanceof StringCodec strings
                    && strings.getRepresentation() == BsonType.STRING;
        } catch (RuntimeException noCodec) {
            return false;
        }
    }

    private static Map<Class<?>, String> expected() {
        Map<Class<?>, String> codecs = new LinkedHashMap<>();
        codecs.put(Document.class, DocumentCodec.class.getName());
        codecs.put(Integer.class, IntegerCodec.class.getName());
        codecs.put(Long.class, LongCodec.class.getName());
        codecs.put(Double.class, DoubleCodec.class.getName());
        codecs.put(Boolean.class, BooleanCodec.class.getName());
        codecs.put(Date.class, DateCodec.class.getName());
        codecs.put(Instant.class, InstantCodec.class.getName());
        codecs.put(ObjectId.class, ObjectIdCodec.class.getName());
        codecs.put(Decimal128.class, Decimal128Codec.class.getName());
        codecs.put(BigDecimal.class, BigDecimalCodec.class.getName());
        codecs.put(Binary.class, BinaryCodec.class.getName());
        codecs.put(byte[].class, ByteArrayCodec.class.getName());
        codecs.put(ArrayList.class, "org.bson.codecs.CollectionCodec");
        codecs.put(LinkedHashMap.class, "org.bson.codecs.MapCodec");
        codecs.put(TimeUnit.class, EnumCodec.class.getName());
        return Map.copyOf(codecs);
    }
}
