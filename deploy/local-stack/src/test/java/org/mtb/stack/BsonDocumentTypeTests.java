package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BsonDocumentTypeTests {

    @Test
    void writesADocumentAsBsonAndReadsItBack() {
        Document document = new Document("_id", "659006-20261130-000001").append("status", "SUBMITTED")
                .append("version", 3L).append("submittedAt", Instant.parse("2026-11-30T04:00:00.123Z"))
                .append("timeline", List.of(new Document("status", "SUBMITTED").append("note", "已受理")));

        ByteBuffer stored = StoredForm.of(BsonDocumentType.INSTANCE, document);

        assertThat(stored.get(0)).as("format tag").isEqualTo((byte) 1);
        assertThat(BsonDocumentType.INSTANCE.read(stored)).isEqualTo(document);
        assertThat(stored.remaining()).as("bytes left after the document").isZero();
    }

    @Test
    void keepsAValueBsonCannotHoldWithTheGenericType() {
        Document document = new Document("_id", 1).append("odd", new java.util.Locale("zh", "CN"));

        ByteBuffer stored = StoredForm.of(BsonDocumentType.INSTANCE, document);

        assertThat(stored.get(0)).as("format tag").isEqualTo((byte) 2);
        assertThat(BsonDocumentType.INSTANCE.read(stored)).isEqualTo(document);
    }
}
