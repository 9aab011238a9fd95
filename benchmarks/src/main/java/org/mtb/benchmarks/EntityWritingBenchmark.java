package org.mtb.benchmarks;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import com.mongodb.MongoClientSettings;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.codecs.RawBsonDocumentCodec;
import org.bson.io.BasicOutputBuffer;
import org.jspecify.annotations.Nullable;
import org.mtb.support.mongo.RawDocuments;
import org.mtb.support.mongo.RecordDocuments;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;

/**
 * What a service pays to turn one entity into the document it inserts: an application shaped as intake stores one
 * (28 properties, an applicant with its masked forms, a hospital, a timeline, four materials with dates of issue, a
 * declaration, an identity check, a submitter, an event), written by Spring Data's converter ({@code converter}) and
 * by {@link RecordDocuments} ({@code plan}) side by side, with the same converter behind both.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class EntityWritingBenchmark {

    public enum Status { SUBMITTED, UNDER_REVIEW }

    public record Masked(String idNumber, String name, String phone) {
    }

    public record Applicant(String idNumber, String name, String phone, String insuranceType, String idNumberIndex,
            Masked masked) {
    }

    public record Hospital(String name, int level, @Nullable String code) {
    }

    public record TimelineEntry(Status status, Instant at, String note) {
    }

    public record OutboxEntry(String eventId, String topic, String key, String payload, Instant createdAt) {
    }

    public record Submitter(String subject, String client, String role) {
    }

    public record Verification(String method, String reference, Instant verifiedAt, String attestedBy) {
    }

    public record Material(String type, String name, List<String> materialIds, LocalDate issuedOn, String issuerName,
            int issuerLevel) {
    }

    public record Declaration(String version, Instant confirmedAt) {
    }

    @org.springframework.data.mongodb.core.mapping.Document("applications")
    public record Application(@Id String applicationNumber, String idempotencyKey, String requestFingerprint,
            String regionCode, String diseaseCode, String diseaseName, String diseaseCategory, Applicant applicant,
            Hospital hospital, String conditionSummary, String channel, Instant submittedAt, Status status,
            List<TimelineEntry> timeline, List<String> processedEventIds, Long version, List<OutboxEntry> outbox,
            Submitter submittedBy, Verification identityVerification, List<Material> materials,
            Declaration declaration, List<String> supplements, @Nullable String withdrawal,
            @Nullable Instant reviewDueAt, String kind, @Nullable String qualificationNumber, @Nullable String agent,
            @Nullable String publicNotice) {
    }

    @Param({"converter", "plan"})
    public String writer;

    private static final Codec<Document> DOCUMENTS = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);
    private static final RawBsonDocumentCodec RAW = new RawBsonDocumentCodec();
    private static final EncoderContext TO_INSERT = EncoderContext.builder().isEncodingCollectibleDocument(true)
            .build();

    private final BasicOutputBuffer buffer = new BasicOutputBuffer(8192);
    private MappingMongoConverter converter;
    private Application application;

    @Setup(Level.Trial)
    public void prepare() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        MongoMappingContext context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
        application = application();
        Document expected = new Document();
        converter.write(application, expected);
        if (!expected.equals(RecordDocuments.write(converter, application))) {
            throw new IllegalStateException("The plan does not write what the converter writes");
        }
        String chosen = writer;
        writer = "converter";
        byte[] driver = encoded();
        writer = "plan";
        if (!java.util.Arrays.equals(driver, encoded())) {
            throw new IllegalStateException("RawDocuments does not write the driver's bytes");
        }
        writer = chosen;
    }

    /**
     * The whole of what a service pays for an entity's BSON: written by the converter and encoded by the driver's
     * codec ({@code converter}), or written by the plan and by {@link RawDocuments}, then copied in as the driver
     * copies such a document into its command ({@code plan}); both into the same kind of buffer.
     */
    @Benchmark
    public int writeAndEncode() {
        buffer.truncateToPosition(0);
        BsonBinaryWriter out = new BsonBinaryWriter(buffer);
        if (writer.equals("converter")) {
            Document document = new Document();
            converter.write(application, document);
            DOCUMENTS.encode(out, document, TO_INSERT);
        } else {
            RAW.encode(out, RawDocuments.forInsert(RecordDocuments.write(converter, application)), TO_INSERT);
        }
        return buffer.getPosition();
    }

    private byte[] encoded() {
        return java.util.Arrays.copyOf(buffer.getInternalBuffer(), writeAndEncode());
    }

    @Benchmark
    public Document write() {
        if (writer.equals("converter")) {
            Document document = new Document();
            converter.write(application, document);
            return document;
        }
        return RecordDocuments.write(converter, application);
    }

    private static Application application() {
        Instant at = Instant.parse("2026-12-06T00:57:23.201Z");
        List<Material> materials = List.of("ID_CARD_OR_SOCIAL_SECURITY_CARD", "DISEASE_CERTIFICATE",
                "DISCHARGE_SUMMARY_OR_OUTPATIENT_RECORD", "EXAMINATION_REPORTS").stream()
                .map(type -> new Material(type, "身份证或社会保障卡（电子版或清晰复印件）", List.of("b9239cf8-fd41-4444-bdf9-345d87498816"),
                        LocalDate.of(2026, 11, 6), "六盘水市人民医院", 3))
                .toList();
        return new Application("520200-20261206-000001", "gz-liupanshui-platform|benchmark-ce98bda4-1",
                "34da33484afe669a5dc0d47f74d9dbeadecaa61996f1c841a14c0f8c84da25ec", "520200", "L520200-001", "风湿性心脏病",
                "CHRONIC", new Applicant("enc:1:k1:lYZ8WBRlBFRAkAZeIk8PwWQUc_Q90a4_8FEnNAkawjSF4LfA8zTlpeOmO9Sv_g",
                        "enc:1:k1:izELHFkUpKdZWmKY0zk5XfQN_-SHASjnVHs_E7OE2LIZbwqlXA",
                        "enc:1:k1:Il0WZPmvU7R76QopQsOFGAUaDqCikYxVRd3-inPV2BVA01N307pD", "EMPLOYEE",
                        "cff6097907fa2b31964b66ee999a502bec36a5958dbf5ecc60987c09d795fc27",
                        new Masked("5202**********0008", "李**", "150****0001")),
                new Hospital("六盘水市人民医院", 3, null), "enc:1:k1:CkCwOBRGkGbZ_e91uPwz-Zxb3og3K3YDe0U0C3Ymf4XMiIchG5L_nthDdiB20k",
                "WEB_HALL", at, Status.SUBMITTED, List.of(new TimelineEntry(Status.SUBMITTED, at, "已受理")), List.of(),
                0L, List.of(new OutboxEntry("01a248db-0820-786d-a5d2-04256a3b9c15", "intake.application-submitted",
                        "520200-20261206-000001", "{\"schemaVersion\":2}", at)),
                new Submitter("gz-liupanshui-platform", "gz-liupanshui-platform", "CHANNEL"),
                new Verification("E_VOUCHER", "ev-1", at.minusSeconds(3), "gz-liupanshui-platform"), materials,
                new Declaration("2026-11-30", at), List.of(), null, null, "NEW", null, null, null);
    }
}
