package org.mtb.notification.message;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mtb.contracts.PersonalData;

/**
 * Masks personal data inside free text we did not write: reviewers' reasons, disease names, provider errors.
 * A reviewer may well quote an ID number or phone in a reason, and that text goes out by SMS.
 */
final class Redaction {

    private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

    private Redaction() {
    }

    /** {@code text} with ID numbers, mobile numbers and, when given, the person's full name masked. */
    static String redact(String text, @Nullable String personName) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = replace(ID_NUMBER, text, true);
        redacted = replace(MOBILE, redacted, false);
        // A one-character name would mask that character everywhere in the text, so only longer names are looked for.
        if (personName != null && personName.strip().codePointCount(0, personName.strip().length()) >= 2) {
            redacted = redacted.replace(personName.strip(), PersonalData.maskName(personName.strip()));
        }
        return redacted;
    }

    private static String replace(Pattern pattern, String text, boolean idNumber) {
        Matcher matcher = pattern.matcher(text);
        return matcher.replaceAll(match -> Matcher.quoteReplacement(idNumber
                ? PersonalData.maskIdNumber(match.group()) : PersonalData.maskPhone(match.group())));
    }
}
