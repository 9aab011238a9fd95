package org.mtb.notification.message;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
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
 * the application the agent made for the insured person.
 */
final class MessageTemplates {

    static final String RESOURCE = "templates/messages_zh_CN.properties";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final Set<String> PLACEHOLDERS = Set.of("sign", "greeting", "name", "insured", "disease", "number",
            "reasons", "items", "count", "round", "due");
    private static final ZoneId APPLICANTS_ZONE = ZoneId.of("Asia/Shanghai");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s。；;，,.、]+$");
    private static final String[] REQUIRED_SUFFIXES = {"title", "in-app", "sms", "sms.agent"};

    private final Properties texts;
    private final int smsMaxLength;
    private final DateTimeFormatter dueFormat;

    MessageTemplates(Properties texts) {
        this.texts = texts;
        this.smsMaxLength = Integer.parseInt(text("sms.max-length").strip());
        this.dueFormat = DateTimeFormatter.ofPattern(text("due.format")).withZone(APPLICANTS_ZONE);
        for (EventType type : EventType.values()) {
            for (String suffix : REQUIRED_SUFFIXES) {
                text(type.templateKey() + "." + suffix);
            }
        }
        for (String key : texts.stringPropertyNames()) {
            Matcher placeholders = PLACEHOLDER.matcher(texts.getProperty(key));
            while (placeholders.find()) {
                if (!PLACEHOLDERS.contains(placeholders.group(1))) {
                    throw new IllegalStateException("Template " + key + " uses {" + placeholders.group(1)
                            + "}; only " + PLACEHOLDERS + " are offered");
                }
            }
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
        return new RenderedMessage(title(notice), render(key(notice, "in-app"),
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
        String body = render(key(notice, template), values(notice, greeted, reasons));
        String shortened = key(notice, template + ".shortened");
        if (length(body) > smsMaxLength && texts.containsKey(shortened)) {
            int room = smsMaxLength - length(render(shortened, values(notice, greeted, "")));
            if (room < length(reasons)) {
                body = render(shortened, values(notice, greeted, prefix(reasons, room)));
            }
        }
        return new RenderedMessage(title(notice), body);
    }

    int smsMaxLength() {
        return smsMaxLength;
    }

    private String title(Notice notice) {
        return text(key(notice, "title"));
    }

    /** @param greeted the name of whom the text greets: the applicant, or the agent */
    private Map<String, String> values(Notice notice, @Nullable String greeted, String reasons) {
        String maskedName = masked(greeted);
        String greeting = maskedName.isEmpty() ? text("greeting.anonymous")
                : render("greeting.named", Map.of("name", maskedName));
        String insured = masked(notice.recipientName());
        Notice.Supplement supplement = notice.supplement();
        return Map.ofEntries(
                Map.entry("sign", text("sign")),
                Map.entry("greeting", greeting),
                Map.entry("name", maskedName),
                Map.entry("insured", insured.isEmpty() ? text("insured.anonymous") : insured),
                Map.entry("disease", Redaction.redact(notice.diseaseName().strip(), notice.recipientName())),
                Map.entry("number", notice.applicationNumber()),
                Map.entry("reasons", reasons),
                Map.entry("items", items(notice)),
                Map.entry("count", String.valueOf(cleanReasons(notice).size())),
                Map.entry("round", supplement == null ? "" : String.valueOf(supplement.round())),
                Map.entry("due", supplement == null ? "" : dueFormat.format(supplement.dueAt())));
    }

    private static String masked(@Nullable String name) {
        return name != null && !name.isBlank() ? PersonalData.maskName(name.strip()) : "";
    }

    private String reasons(Notice notice) {
        String joined = String.join(text("reasons.separator"), cleanReasons(notice));
        return joined.isEmpty() ? text("reasons.none") : joined;
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

    private String render(String key, Map<String, String> values) {
        // One pass, so that a value which happens to contain "{...}" is never expanded itself.
        return PLACEHOLDER.matcher(text(key)).replaceAll(placeholder ->
                Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), "")));
    }

    private String text(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("Template " + key + " is missing from " + RESOURCE);
        }
        return text;
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
