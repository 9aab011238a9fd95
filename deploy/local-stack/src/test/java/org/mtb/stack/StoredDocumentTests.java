package org.mtb.stack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.bson.Document;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredDocumentTests {

    private static final StoredDocument.Type TYPE = StoredDocument.Type.INSTANCE;

    @Test
    void writesADocumentAsBsonAndReadsItBackAsANewObjectEachTime() {
        Document document = new Document("_id", "659006-20261130-000001").append("status", "SUBMITTED")
                .append("version", 3L).append("submittedAt", Instant.parse("2026-11-30T04:00:00.123Z"))
                .append("timeline", List.of(new Document("status", "SUBMITTED").append("note", "已受理")));

        ByteBuffer written = StoredForm.of(TYPE, StoredDocument.of(document));

        assertThat(written.get(0)).as("format tag").isEqualTo((byte) 1);
        StoredDocument read = TYPE.read(written);
        assertThat(written.remaining()).as("bytes left after the document").isZero();
        assertThat(read.document()).isEqualTo(document).isNotSameAs(read.document());
        assertThat(read.bsonSize()).isEqualTo(TaggedBson.encode(document).length);
        read.document().put("status", "APPROVED");
        assertThat(read.document().get("status")).as("what a reader changes").isEqualTo("SUBMITTED");
    }

    @Test
    void copiesTheFormItReadWhenWrittenAgainWithoutDecodingIt() {
        Document document = new Document("_id", 7).append("name", "张**");
        ByteBuffer first = StoredForm.of(TYPE, StoredDocument.of(document));
        ByteBuffer page = ByteBuffer.allocate(first.remaining() + 3);
        page.put((byte) 9).put(first.duplicate()).put((byte) 8).put((byte) 7).flip();
        page.get();

        StoredDocument read = TYPE.read(page);

        assertThat(page.get()).as("the byte after the document").isEqualTo((byte) 8);
        assertThat(StoredForm.of(TYPE, read)).isEqualTo(first);
    }

    @Test
    void keepsAValueBsonCannotHoldWithTheGenericType() {
        Document document = new Document("_id", 1).append("odd", new java.util.Locale("zh", "CN"));
        ByteBuffer page = ByteBuffer.allocate(4096);
        page.put(StoredForm.of(TYPE, StoredDocument.of(document))).put((byte) 5).flip();

        StoredDocument read = TYPE.read(page);

        assertThat(page.get(0)).as("format tag").isEqualTo((byte) 2);
        assertThat(page.get()).as("the byte after the document").isEqualTo((byte) 5);
        assertThat(read.document()).isEqualTo(document);
        assertThat(read.bsonSize()).isZero();
    }
}
