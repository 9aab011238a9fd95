package org.mtb.contracts;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.calendar.CalendarPublished;
import org.mtb.contracts.catalog.CatalogPublished;
import org.mtb.contracts.intake.ApplicationSubmitted;
import org.mtb.contracts.intake.ApplicationSupplemented;
import org.mtb.contracts.intake.ApplicationWithdrawn;
import org.mtb.contracts.review.ApplicationDecided;
import org.mtb.contracts.review.ReviewStarted;
import org.mtb.contracts.review.SlaBreached;
import org.mtb.contracts.review.SlaWarning;
import org.mtb.contracts.review.SupplementLapsed;
import org.mtb.contracts.review.ObjectionRaised;
import org.mtb.contracts.review.ObjectionSettled;
import org.mtb.contracts.review.PublicNoticeStarted;
import org.mtb.contracts.review.QualificationExpired;
import org.mtb.contracts.review.QualificationGranted;
import org.mtb.contracts.review.QualificationRevoked;
import org.mtb.contracts.review.RecheckDue;
import org.mtb.contracts.review.ReviewExtended;
import org.mtb.contracts.review.SupplementRequested;

/**
 * Writes the AsyncAPI 3.0 document of the platform's topics ({@code contracts/src/main/resources/asyncapi.yaml})
 * from {@link Topics} and the event records, so that it cannot drift from them: {@code AsyncApiDocumentTests} fails
 * when the committed file differs from what this writes. Regenerate with
 * {@code ./mvnw -pl contracts test -Dtest=AsyncApiDocumentTests -Dasyncapi.write=true}.
 */
final class AsyncApiDocument {

    /** A topic: its event, who writes it, who reads it, its key, and the personal data its events carry. */
    record Channel(String topic, Class<? extends Record> event, String producer, List<String> consumers, String key,
            String description, Map<String, String> personalData) {
    }

    private static final String SEALED = "sealed, enc:1:<key id>:<base64url nonce|ciphertext|tag>, AES-256-GCM or SM4-GCM,"
            + " context '<field>|<application number>'";

    static final List<Channel> CHANNELS = List.of(
            new Channel(Topics.APPLICATION_SUBMITTED, ApplicationSubmitted.class, "intake-service",
                    List.of("review-service", "notification-service"), "application number",
                    "An application was accepted and given its acceptance number.",
                    personalData(
                            "applicant.idNumber", SEALED + " (SealedField.ID_NUMBER); review and notification never open it",
                            "applicant.name", SEALED + " (SealedField.NAME); nobody opens it to render",
                            "applicant.phone", SEALED + " (SealedField.PHONE); notification opens it to send the SMS",
                            "conditionSummary", SEALED
                                    + " (SealedField.CONDITION_SUMMARY); review opens it to show reviewers the case",
                            "applicant.idNumberIndex", "HMAC-SHA256 blind index of the ID number, keyed; no clear value",
                            "applicant.masked", "masked forms (1101**********002X, 张*, 138****8000), as answers show",
                            "agent.idNumber", SEALED + " (SealedField.AGENT_ID_NUMBER); nobody opens it to render",
                            "agent.name", SEALED + " (SealedField.AGENT_NAME); nobody opens it to render",
                            "agent.phone", SEALED + " (SealedField.AGENT_PHONE); notification opens it to tell the agent",
                            "agent.masked", "masked forms, as answers show")),
            new Channel(Topics.REVIEW_STARTED, ReviewStarted.class, "review-service", List.of("intake-service"),
                    "application number", "A review case was opened for an application.", Map.of()),
            new Channel(Topics.APPLICATION_DECIDED, ApplicationDecided.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "Experts decided an application.", personalData(
                            "recipient.phone", SEALED + " as intake sealed it, passed on by review unopened",
                            "recipient.maskedName", "masked (张*); the clear name is not sent",
                            "recipient.maskedPhone", "masked (138****8000), as answers and log lines show it",
                            "recipient.name", "absent from schema 2 (in clear in schema 1)")),
            new Channel(Topics.SUPPLEMENT_REQUESTED, SupplementRequested.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "A reviewer returned a case for supplement (补正), every item at once; the review clock stops.",
                    recipient()),
            new Channel(Topics.APPLICATION_SUPPLEMENTED, ApplicationSupplemented.class, "intake-service",
                    List.of("review-service"), "application number",
                    "The applicant supplied every item asked for; the case reopens.", Map.of()),
            new Channel(Topics.SUPPLEMENT_LAPSED, SupplementLapsed.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "The time to supplement ran out; the case closed as not supplemented.", recipient()),
            new Channel(Topics.APPLICATION_WITHDRAWN, ApplicationWithdrawn.class, "intake-service",
                    List.of("review-service", "notification-service"), "application number",
                    "The applicant withdrew an application before its decision; its case closes.", recipient()),
            new Channel(Topics.REVIEW_EXTENDED, ReviewExtended.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "A supervisor extended a case's deadline in special circumstances, as the region allows.",
                    recipient()),
            new Channel(Topics.PUBLIC_NOTICE_STARTED, PublicNoticeStarted.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "An approval entered the region's public notice (公示); objections may be raised until its end.",
                    recipient()),
            new Channel(Topics.OBJECTION_RAISED, ObjectionRaised.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "Somebody objected to an approval during its public notice; the objector stays in review.",
                    recipient()),
            new Channel(Topics.OBJECTION_SETTLED, ObjectionSettled.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "A supervisor upheld or dismissed an objection.", recipient()),
            new Channel(Topics.QUALIFICATION_GRANTED, QualificationGranted.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "A qualification took effect: approved, after the public notice, or filed at once.", recipient()),
            new Channel(Topics.QUALIFICATION_REVOKED, QualificationRevoked.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "A qualification was revoked: an upheld objection or a post-check.", recipient()),
            new Channel(Topics.RECHECK_DUE, RecheckDue.class, "review-service", List.of("notification-service"),
                    "application number", "A qualification's re-check falls due soon.", recipient()),
            new Channel(Topics.QUALIFICATION_EXPIRED, QualificationExpired.class, "review-service",
                    List.of("intake-service", "notification-service"), "application number",
                    "A qualification ended without a renewal.", recipient()),
            new Channel(Topics.SLA_WARNING, SlaWarning.class, "review-service", List.of(), "application number",
                    "A review case used the warning share of its working time.", Map.of()),
            new Channel(Topics.SLA_BREACHED, SlaBreached.class, "review-service", List.of(), "application number",
                    "A review case reached its deadline undecided.", Map.of()),
            new Channel(Topics.CATALOG_PUBLISHED, CatalogPublished.class, "catalog-service",
                    List.of("intake-service", "review-service"), "region code (compacted)",
                    "The catalog (disease list and policy) a region applies from now on.", Map.of()),
            new Channel(Topics.CALENDAR_PUBLISHED, CalendarPublished.class, "catalog-service",
                    List.of("review-service"), "region code (compacted)",
                    "A region's working-day calendar, in a new revision.", Map.of()));

    private AsyncApiDocument() {
    }

    /**
     * The recipient of an event that tells the applicant: the phone sealed as intake sealed it, the name and the phone
     * masked.
     */
    private static Map<String, String> recipient() {
        return personalData("recipient.phone", SEALED + " as intake sealed it, passed on unopened",
                "recipient.maskedName", "masked (张*); the clear name is not sent",
                "recipient.maskedPhone", "masked (138****8000), as answers and log lines show it",
                "recipient.name", "always absent");
    }

    private static Map<String, String> personalData(String... fieldsAndForms) {
        Map<String, String> personal = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndForms.length; i += 2) {
            personal.put(fieldsAndForms[i], fieldsAndForms[i + 1]);
        }
        return personal;
    }

    static String write() {
        StringBuilder out = new StringBuilder();
        out.append("# Generated by contracts' AsyncApiDocument from Topics and the event records; do not edit by hand.\n");
        out.append("asyncapi: 3.0.0\n");
        out.append("info:\n  title: 门诊慢特病 qualification platform events\n  version: 1.0.0\n");
        out.append("  description: Events between the services, on Kafka. Every event is JSON, carries eventId (the\n");
        out.append("    consumers' idempotency key), schemaVersion and occurredAt, and is keyed as its channel says.\n");
        out.append("defaultContentType: application/json\n");
        out.append("channels:\n");
        for (Channel channel : CHANNELS) {
            String name = channel.event().getSimpleName();
            out.append("  ").append(channelId(channel)).append(":\n");
            out.append("    address: ").append(channel.topic()).append('\n');
            out.append("    description: ").append(quoted(channel.description())).append('\n');
            out.append("    x-key: ").append(quoted(channel.key())).append('\n');
            out.append("    x-producer: ").append(channel.producer()).append('\n');
            out.append("    x-consumers: [").append(String.join(", ", channel.consumers())).append("]\n");
            out.append("    messages:\n      ").append(name).append(":\n        $ref: '#/components/messages/")
                    .append(name).append("'\n");
        }
        out.append("operations:\n");
        for (Channel channel : CHANNELS) {
            out.append("  publish").append(channel.event().getSimpleName()).append(":\n");
            out.append("    action: send\n    channel:\n      $ref: '#/channels/").append(channelId(channel))
                    .append("'\n");
        }
        out.append("components:\n  messages:\n");
        Map<String, Class<?>> schemas = new LinkedHashMap<>();
        for (Channel channel : CHANNELS) {
            String name = channel.event().getSimpleName();
            out.append("    ").append(name).append(":\n");
            out.append("      name: ").append(name).append('\n');
            out.append("      x-schema-version: ").append(schemaVersion(channel.event())).append('\n');
            if (!channel.personalData().isEmpty()) {
                out.append("      x-personal-data:\n");
                channel.personalData().forEach((field, form) -> out.append("        ").append(field).append(": ")
                        .append(quoted(form)).append('\n'));
            }
            out.append("      payload:\n        $ref: '#/components/schemas/").append(name).append("'\n");
            collect(channel.event(), schemas);
        }
        out.append("  schemas:\n");
        schemas.forEach((name, type) -> writeSchema(out, name, type));
        return out.toString();
    }

    private static String channelId(Channel channel) {
        String name = channel.event().getSimpleName();
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static void collect(Class<?> type, Map<String, Class<?>> schemas) {
        if (!type.isRecord() || schemas.containsKey(type.getSimpleName())) {
            return;
        }
        schemas.put(type.getSimpleName(), type);
        for (RecordComponent component : type.getRecordComponents()) {
            Type generic = component.getGenericType();
            if (generic instanceof ParameterizedType list) {
                collect((Class<?>) list.getActualTypeArguments()[0], schemas);
            } else {
                collect(component.getType(), schemas);
            }
        }
    }

    private static void writeSchema(StringBuilder out, String name, Class<?> type) {
        out.append("    ").append(name).append(":\n      type: object\n");
        List<String> required = new ArrayList<>();
        out.append("      properties:\n");
        for (RecordComponent component : type.getRecordComponents()) {
            out.append("        ").append(component.getName()).append(":\n");
            writeType(out, "          ", component.getGenericType());
            if (!component.isAnnotationPresent(Nullable.class)
                    && !component.getAnnotatedType().isAnnotationPresent(Nullable.class)) {
                required.add(component.getName());
            }
        }
        out.append("      required: [").append(String.join(", ", required)).append("]\n");
    }

    private static void writeType(StringBuilder out, String indent, Type type) {
        if (type instanceof ParameterizedType list) {
            out.append(indent).append("type: array\n").append(indent).append("items:\n");
            writeType(out, indent + "  ", list.getActualTypeArguments()[0]);
            return;
        }
        Class<?> raw = (Class<?>) type;
        if (raw.isRecord()) {
            out.append(indent).append("$ref: '#/components/schemas/").append(raw.getSimpleName()).append("'\n");
        } else if (raw.isEnum()) {
            List<String> values = new ArrayList<>();
            for (Object constant : raw.getEnumConstants()) {
                values.add(((Enum<?>) constant).name());
            }
            out.append(indent).append("type: string\n").append(indent).append("enum: [")
                    .append(String.join(", ", values)).append("]\n");
        } else {
            String[] schema = scalar(raw);
            out.append(indent).append("type: ").append(schema[0]).append('\n');
            if (schema.length > 1) {
                out.append(indent).append("format: ").append(schema[1]).append('\n');
            }
        }
    }

    private static String[] scalar(Class<?> type) {
        if (type == String.class) {
            return new String[] {"string"};
        } else if (type == UUID.class) {
            return new String[] {"string", "uuid"};
        } else if (type == Instant.class) {
            return new String[] {"string", "date-time"};
        } else if (type == LocalDate.class) {
            return new String[] {"string", "date"};
        } else if (type == LocalTime.class) {
            return new String[] {"string", "time"};
        } else if (type == Duration.class) {
            return new String[] {"string", "duration"};
        } else if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return new String[] {"integer"};
        } else if (type == BigDecimal.class) {
            return new String[] {"number"};
        } else if (type == boolean.class || type == Boolean.class) {
            return new String[] {"boolean"};
        }
        throw new IllegalArgumentException("No JSON schema type for " + type + "; add it to AsyncApiDocument");
    }

    private static int schemaVersion(Class<?> event) {
        try {
            return event.getField("SCHEMA_VERSION").getInt(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(event + " has no SCHEMA_VERSION", e);
        }
    }

    private static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
