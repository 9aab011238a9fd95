package org.mtb.notification.message;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The texts of the template file, by key, and their one piece of syntax: {@code {placeholder}}, replaced by the value
 * offered under that name. A text naming a placeholder that is not offered is refused when the file is loaded, so that
 * no template can ask for what is not meant to be in a message.
 */
final class TemplateTexts {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final Properties texts;

    TemplateTexts(Properties texts, Set<String> offered) {
        this.texts = texts;
        for (String key : texts.stringPropertyNames()) {
            Matcher placeholders = PLACEHOLDER.matcher(texts.getProperty(key));
            while (placeholders.find()) {
                if (!offered.contains(placeholders.group(1))) {
                    throw new IllegalStateException("Template " + key + " uses {" + placeholders.group(1)
                            + "}; only " + offered + " are offered");
                }
            }
        }
    }

    /** The text of {@code key}; a missing one is an error of the file. */
    String text(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("Template " + key + " is missing from " + MessageTemplates.RESOURCE);
        }
        return text;
    }

    boolean has(String key) {
        return texts.containsKey(key);
    }

    /** The text of {@code key} with its placeholders replaced; one not among {@code values} by nothing. */
    String render(String key, Map<String, String> values) {
        // One pass, so that a value which happens to contain "{...}" is never expanded itself.
        return PLACEHOLDER.matcher(text(key)).replaceAll(placeholder ->
                Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), "")));
    }
}
