package org.mtb.notification.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;

/**
 * Renders the Chinese texts of every message from {@value #RESOURCE}, so that wording is changed in one file
 * and reviewed without reading code. Personal data can only reach a text masked: the values offered to the
 * templates are the masked name and redacted free text, and a template naming anything else is refused at load.
 * Times are written in China Standard Time (Asia/Shanghai), which every region keeps, whatever zone the server runs
 * in. The SMS to an agent (代办人) has templates of its own, {@code <type>.sms.agent}: each the applicant's SMS, as
 * the application the agent made for the insured person. Where what a sentence says depends on the event (when a
 * benefit starts, how long a qualification lasts), the file holds each alternative as a clause, chosen here.
 */
final class MessageTemplates {

    static final String RESOURCE = "templates/messages_zh_CN.properties";

    private static final Set<String> PLACEHOLDERS = Set.of("sign", "greeting", "name", "insured", "disease", "number",
            "reasons", "items", "count", "round", "due", "from", "until", "qualification", "replaced", "effect",
            "validity", "grant", "renewal");
    private static final ZoneId APPLICANTS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s。；;，,.、]+$");
    private static final String[] REQUIRED_SUFFIXES = {"title", "in-app", "sms", "sms.agent"};
    private static final String[] CLAUSES = {"effect.from", "effect.notice", "effect.as-regulated", "validity.until",
            "validity.long-term", "grant.instant-filing", "renewal.of"};

    private final TemplateTexts texts;
    private final int smsMaxLength;
    private final DateTimeFormatter dueFormat;
    private final DateTimeFormatter dateFormat;

    MessageTemplates(Properties texts) {
        this.texts = new TemplateTexts(texts, PLACEHOLDERS);
        this.smsMaxLength = Integer.parseInt(this.texts.text("sms.max-length").strip());
        this.dueFormat = DateTimeFormatter.ofPattern(this.texts.text("due.format")).withZone(APPLICANTS_ZONE);
        this.dateFormat = DateTimeFormatter.ofPattern(this.texts.text("date.format"));
        for (EventType type : EventType.values()) {
            for (String suffix : REQUIRED_SUFFIXES) {
                this.texts.text(type.templateKey() + "." + suffix);
            }
        }
        for (String clause : CLAUSES) {
            this.texts.text(clause);
        }
    }

    static MessageTemplates fromClasspath() {
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            Properties texts = new Properties();
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new MessageTemplates(texts);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    /** The inbox message: always the full text, whatever its length. */
    RenderedMessage inApp(Notice notice) {
        return new RenderedMessage(title(notice), texts.render(key(notice, "in-app"),
                values(notice, notice.recipientName(), reasons(notice))));
    }

    /**
     * The SMS: within {@code sms.max-length} characters unless the fixed text alone is longer; when the reasons
     * make it too long they are cut and the text points to the in-app message, which has them in full.
     */
    RenderedMessage sms(Notice notice) {
        return sms(notice, "sms", notice.recipientName());
    }

    /**
     * The SMS to the agent who applied for the person the notice names: greeting the agent by {@code agentName}
     * (masked; none, and the greeting has no name), naming the insured person masked, and cut as {@link #sms} is.
     */
    RenderedMessage agentSms(Notice notice, @Nullable String agentName) {
        return sms(notice, "sms.agent", agentName);
    }

    private RenderedMessage sms(Notice notice, String template, @Nullable String greeted) {
        String reasons = reasons(notice);
        String body = texts.render(key(notice, template), values(notice, greeted, reasons));
        String shortened = key(notice, template + ".shortened");
        if (length(body) > smsMaxLength && texts.has(shortened)) {
            int room = smsMaxLength - length(texts.render(shortened, values(notice, greeted, "")));
            if (room < length(reasons)) {
                body = texts.render(shortened, values(notice, greeted, prefix(reasons, room)));
            }
        }
        return new RenderedMessage(title(notice), body);
    }

    int smsMaxLength() {
        return smsMaxLength;
    }

    private String title(Notice notice) {
        return texts.text(key(notice, "title"));
    }

    /** @param greeted the name of whom the text greets: the applicant, or the agent */
    private Map<String, String> values(Notice notice, @Nullable String greeted, String reasons) {
        String maskedName = masked(greeted);
        String greeting = maskedName.isEmpty() ? texts.text("greeting.anonymous")
                : texts.render("greeting.named", Map.of("name", maskedName));
        String insured = masked(notice.recipientName());
        Notice.Supplement supplement = notice.supplement();
        Notice.Terms terms = notice.terms() == null ? Notice.Terms.NONE : notice.terms();
        // What a clause may name; the clauses are rendered before the template that names them.
        Map<String, String> days = Map.of("from", date(terms.from()), "until", date(terms.until()),
                "replaced", orEmpty(terms.replaces()));
        return Map.ofEntries(
                Map.entry("sign", texts.text("sign")),
                Map.entry("greeting", greeting),
                Map.entry("name", maskedName),
                Map.entry("insured", insured.isEmpty() ? texts.text("insured.anonymous") : insured),
                Map.entry("disease", Redaction.redact(notice.diseaseName().strip(), notice.recipientName())),
                Map.entry("number", notice.applicationNumber()),
                Map.entry("reasons", reasons),
                Map.entry("items", items(notice)),
                Map.entry("count", String.valueOf(cleanReasons(notice).size())),
                Map.entry("round", supplement == null ? "" : String.valueOf(supplement.round())),
                Map.entry("due", due(notice)),
                Map.entry("from", days.get("from")),
                Map.entry("until", days.get("until")),
                Map.entry("qualification", orEmpty(terms.qualificationNumber())),
                Map.entry("replaced", days.get("replaced")),
                Map.entry("effect", effect(terms, days)),
                Map.entry("validity", terms.until() == null ? texts.text("validity.long-term")
                        : texts.render("validity.until", days)),
                Map.entry("grant", terms.instantFiling() ? texts.text("grant.instant-filing") : ""),
                Map.entry("renewal", terms.replaces() == null ? "" : texts.render("renewal.of", days)));
    }

    /** When an approval's benefit starts: on the day it names, after the public notice it entered, or as regulated. */
    private String effect(Notice.Terms terms, Map<String, String> days) {
        if (terms.from() != null) {
            return texts.render("effect.from", days);
        }
        return terms.until() != null ? texts.render("effect.notice", days) : texts.text("effect.as-regulated");
    }

    /** The deadline the event names: when the time to supplement ends, or the review's new one after an extension. */
    private String due(Notice notice) {
        Notice.Supplement supplement = notice.supplement();
        @Nullable Instant dueAt = supplement != null ? supplement.dueAt() : notice.reviewDueAt();
        return dueAt == null ? "" : dueFormat.format(dueAt);
    }

    private String date(@Nullable LocalDate date) {
        return date == null ? "" : dateFormat.format(date);
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String masked(@Nullable String name) {
        return name != null && !name.isBlank() ? PersonalData.maskName(name.strip()) : "";
    }

    private String reasons(Notice notice) {
        String joined = String.join(texts.text("reasons.separator"), cleanReasons(notice));
        return joined.isEmpty() ? texts.text("reasons.none") : joined;
    }

    /** The reasons numbered from 1, one a line: a supplement request's items as the in-app message lists them. */
    private String items(Notice notice) {
        List<String> items = cleanReasons(notice);
        return IntStream.range(0, items.size()).mapToObj(i -> (i + 1) + ". " + items.get(i))
                .collect(Collectors.joining("\n"));
    }

    private List<String> cleanReasons(Notice notice) {
        return notice.reasons().stream()
                .map(reason -> Redaction.redact(reason, notice.recipientName()))
                .map(reason -> TRAILING_PUNCTUATION.matcher(reason.strip()).replaceAll(""))
                .filter(reason -> !reason.isEmpty())
                .toList();
    }

    private static String key(Notice notice, String suffix) {
        return notice.type().templateKey() + "." + suffix;
    }

    /** The first {@code room} characters, without a dangling separator. */
    private static String prefix(String text, int room) {
        if (room <= 0) {
            return "";
        }
        String cut = text.substring(0, text.offsetByCodePoints(0, Math.min(room, length(text))));
        return TRAILING_PUNCTUATION.matcher(cut).replaceAll("");
    }

    /** SMS length as providers count it for Chinese text: characters, not bytes. */
    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
