package org.mtb.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/** The loops answer as Spring Security's regular expressions do, on every code point and on mixed text. */
class HeaderCharactersTests {

    @Test
    void aNameIsAllowedExactlyWhereTheFirewallsExpressionAllowsIt() {
        assertThat(disagreements(HeaderCharacters.NAME, StrictHttpFirewall.ALLOWED_HEADER_NAMES)).isEmpty();
        assertThat(disagreements(HeaderCharacters.NAME, StrictHttpFirewall.ALLOWED_PARAMETER_NAMES)).isEmpty();
    }

    @Test
    void aValueIsAllowedExactlyWhereTheFirewallsExpressionAllowsIt() {
        assertThat(disagreements(HeaderCharacters.VALUE, StrictHttpFirewall.ALLOWED_HEADER_VALUES)).isEmpty();
    }

    @Test
    void theCharactersThatMatterAnswerAsExpected() {
        assertThat(HeaderCharacters.VALUE.test("Bearer eyJhbGciOi.x-y_z~+/==")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("a\tb")).isTrue();
        assertThat(HeaderCharacters.NAME.test("a\tb")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\rb")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\u007fb")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.VALUE.test("张三 \uD83D\uDE00")).isTrue();
        assertThat(HeaderCharacters.VALUE.test("a\u0378b")).isFalse(); // unassigned
        assertThat(HeaderCharacters.VALUE.test("")).isTrue();
    }

    /** Every code point alone, and each between printable text, where the two predicates answer differently. */
    private static List<String> disagreements(Predicate<String> loop, Predicate<String> expression) {
        List<String> differing = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            String alone = Character.toString(c);
            String between = "x-" + alone + "-y";
            for (String text : List.of(alone, between)) {
                if (loop.test(text) != expression.test(text)) {
                    differing.add(String.format("U+%04X%s", c, text.equals(alone) ? "" : " between text"));
                }
            }
        }
        // A surrogate pair split, and one in its right order, inside text.
        for (String text : List.of("a\uD83Db", "a\uDE00b", "a\uD83D\uDE00b", "\uDE00\uD83D")) {
            if (loop.test(text) != expression.test(text)) {
                differing.add(text);
            }
        }
        return differing;
    }
}
